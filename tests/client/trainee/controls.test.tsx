// The trainee's buttons as the authority (shared/meeting/may-send.ts) answers
// on the trainee's own projected view: rendered to static markup (no DOM is
// installed), read back by data-testid.
import '../../support/no-dom.ts';
import { describe, expect, it } from 'vitest';
import { mayFor } from '../../../client/src/connection/may-send.ts';
import { ChairPanel } from '../../../client/src/trainee/ChairPanel.tsx';
import { type Trainee, TraineeContext } from '../../../client/src/trainee/context.ts';
import { FloorPanel, SpeakControls } from '../../../client/src/trainee/Floor.tsx';
import '../../../client/src/trainee/strings.ts';
import { projectTrainee } from '../../../shared/views/live.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';
import type { StaticView } from '../../../shared/views/types.ts';
import { isDisabled, render, tagOf } from '../../support/client-render.ts';
import { FACILITATOR, seat, startedRoom, type ViewRoom } from '../../support/views-fixture.ts';

function traineeOf(room: ViewRoom, participantId: string): Trainee {
  const scenario = publicScenario(room.scenario);
  const staticView: StaticView = { kind: 'public', scenario };
  const live = projectTrainee(room.input(), participantId);
  if (!live.me) throw new Error('no own part');
  return {
    live,
    me: live.me,
    scenario,
    staticView,
    item: live.item ? scenario.agenda[live.item.index] : undefined,
    isChair: scenario.roles.find((r) => r.id === live.me?.card?.id)?.chair === true,
    may: mayFor(staticView, live, { kind: 'participant', id: participantId }),
    send: async () => ({ ok: true, seq: 0 }),
    show: () => {},
  };
}

const screen = (room: ViewRoom, id: string, element: React.ReactElement) =>
  render(<TraineeContext.Provider value={traineeOf(room, id)}>{element}</TraineeContext.Provider>);

const hint = (html: string) => html.match(/<p id="[^"]*" class="hint">([^<]*)<\/p>/)?.[1];

describe('asking to speak', () => {
  it('on a fixed speakers list: no hand, a point of order, and the reason', () => {
    const html = screen(startedRoom(), 'p2', <SpeakControls />); // the opening statement
    expect(isDisabled(html, 'raise-hand')).toBe(true);
    expect(isDisabled(html, 'point-of-order')).toBe(false);
    expect(hint(html)).toBe(
      'This item follows a fixed speakers list, so hands cannot be raised; raise a point of order to object to the procedure.',
    );
  });

  it('on the open floor: a hand, and once raised a way to lower it', () => {
    const room = startedRoom().goto('talk');
    expect(isDisabled(screen(room, 'p2', <SpeakControls />), 'raise-hand')).toBe(false);
    room.ok(seat('p2'), { type: 'hand.raise' });
    const html = screen(room, 'p2', <SpeakControls />);
    expect(tagOf(html, 'raise-hand')).toBeUndefined();
    expect(isDisabled(html, 'lower-hand')).toBe(false);
  });

  it('while paused: nothing to press, and the server’s reason in words', () => {
    const room = startedRoom().goto('talk').ok(FACILITATOR, { type: 'meeting.pause' });
    const html = screen(room, 'p2', <SpeakControls />);
    expect(isDisabled(html, 'raise-hand')).toBe(true);
    expect(isDisabled(html, 'point-of-order')).toBe(true);
    expect(hint(html)).toBe('Not possible at this point of the meeting');
  });

  it('holding the floor: neither, and why', () => {
    const room = startedRoom().goto('talk');
    room.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' });
    const html = screen(room, 'p2', <SpeakControls />);
    expect(isDisabled(html, 'raise-hand')).toBe(true);
    expect(isDisabled(html, 'point-of-order')).toBe(true);
    expect(hint(html)).toBe('You have the floor; tap “Finish speaking” when you are done.');
  });
});

describe('the chair', () => {
  const options = (html: string) => [...html.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]).sort();

  it('on a fixed list is offered only its speakers to call', () => {
    const room = startedRoom().goto('list'); // owner_a (p2) and owner_b (p3), two rounds
    const html = screen(room, 'p1', <ChairPanel />);
    expect(options(html)).toEqual(['p:p2', 'p:p3']);
    expect(isDisabled(html, 'chair-give-floor')).toBe(false);
  });

  it('on the open floor may call anyone holding a card, and the NPC card', () => {
    const room = startedRoom().goto('talk');
    const html = screen(room, 'p1', <ChairPanel />);
    expect(options(html)).toEqual(['npc:official', 'p:p1', 'p:p2', 'p:p3', 'p:p4', 'p:p5', 'p:p6']);
    // Nobody waiting: "give the floor to the next" has no one to give it to.
    expect(isDisabled(html, 'chair-give-floor')).toBe(true);
  });

  it('opens a vote only while it is pending, closes it only while open', () => {
    const room = startedRoom().goto('decide');
    expect(isDisabled(screen(room, 'p1', <ChairPanel />), 'chair-open-vote')).toBe(false);
    room.ok(FACILITATOR, { type: 'meeting.pause' });
    expect(isDisabled(screen(room, 'p1', <ChairPanel />), 'chair-open-vote')).toBe(true);
    room.ok(FACILITATOR, { type: 'meeting.resume' }).ok(seat('p1'), { type: 'vote.open' });
    const open = screen(room, 'p1', <ChairPanel />);
    expect(tagOf(open, 'chair-open-vote')).toBeUndefined();
    expect(isDisabled(open, 'chair-close-vote')).toBe(false);
  });

  it('a trainee who is not the chair gets no call buttons in the speakers list', () => {
    const room = startedRoom().goto('talk');
    room.ok(seat('p2'), { type: 'hand.raise' });
    const call = /<li[^>]*>.*?<button[^>]*>Call/;
    expect(call.test(screen(room, 'p3', <FloorPanel />))).toBe(false);
    expect(call.test(screen(room, 'p1', <FloorPanel />))).toBe(true);
  });
});
