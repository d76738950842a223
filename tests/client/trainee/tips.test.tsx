// @vitest-environment happy-dom
// A trainee's tips as the coaching authority (shared/coaching/may-coach.ts)
// answers on the trainee's own view: "got it" while the tip may still be
// acknowledged, the words for why not once it has been; a tip not yet read
// is marked read once, one already read is not sent again.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mayFor } from '../../../client/src/connection/may-send.ts';
import { i18next } from '../../../client/src/i18n/index.ts';
import { type Trainee, TraineeContext } from '../../../client/src/trainee/context.ts';
import { TipCard } from '../../../client/src/trainee/Tips.tsx';
import type { CoachingCommand } from '../../../shared/coaching/state.ts';
import type { AnyCommand } from '../../../shared/protocol/messages.ts';
import { projectTrainee } from '../../../shared/views/live.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';
import type { StaticView } from '../../../shared/views/types.ts';
import '../../../client/src/trainee/strings.ts';
import { OBSERVER, seat, startedRoom, type ViewRoom } from '../../support/views-fixture.ts';

await i18next.changeLanguage('en');
afterEach(cleanup);

function tipOf(room: ViewRoom, participantId: string, tipId: string, sent: AnyCommand[]) {
  const scenario = publicScenario(room.scenario);
  const staticView: StaticView = { kind: 'public', scenario };
  const live = projectTrainee(room.input(), participantId);
  if (!live.me) throw new Error('no own part');
  const trainee: Trainee = {
    live,
    me: live.me,
    scenario,
    staticView,
    item: live.item ? scenario.agenda[live.item.index] : undefined,
    isChair: false,
    may: mayFor(staticView, live, { kind: 'participant', id: participantId }),
    send: async (command) => {
      sent.push(command);
      return { ok: true, seq: 0 };
    },
    show: () => {},
  };
  const tip = live.me.tips.find((t) => t.id === tipId);
  if (!tip) throw new Error(`no tip ${tipId}`);
  return (
    <TraineeContext.Provider value={trainee}>
      <TipCard tip={tip} />
    </TraineeContext.Provider>
  );
}

const whisper = (tipId: string, to: string): CoachingCommand => ({
  type: 'tip.whisper',
  tipId,
  to,
  text: tipId,
});

describe('a tip on the phone', () => {
  it('offers "got it" until acknowledged, then says it was, in words', () => {
    const room = startedRoom().coach(OBSERVER, whisper('t1', 'p2'));
    const sent: AnyCommand[] = [];
    const { unmount } = render(tipOf(room, 'p2', 't1', sent));
    // Not read yet: marked read on sight, once.
    expect(sent).toEqual([{ type: 'tip.read', tipId: 't1' }]);
    fireEvent.click(screen.getByTestId('tip-ack-t1'));
    expect(sent.at(-1)).toEqual({ type: 'tip.ack', tipId: 't1' });
    unmount();

    room.coach(seat('p2'), { type: 'tip.ack', tipId: 't1' });
    const after: AnyCommand[] = [];
    render(tipOf(room, 'p2', 't1', after));
    expect(screen.queryByTestId('tip-ack-t1')).toBeNull();
    expect(screen.getByTestId('tip-acked-t1').textContent).toBe('Acknowledged');
    expect(after).toEqual([]); // read already: nothing sent
  });

  it('a hint to everyone: each trainee acknowledges it for themselves', () => {
    const room = startedRoom()
      .coach(OBSERVER, { type: 'tip.broadcast', tipId: 'h1', text: 'Mind the time' })
      .coach(seat('p3'), { type: 'tip.ack', tipId: 'h1' });
    render(tipOf(room, 'p2', 'h1', []));
    expect(screen.getByTestId('tip-ack-h1')).toBeTruthy();
    cleanup();
    render(tipOf(room, 'p3', 'h1', []));
    expect(screen.queryByTestId('tip-ack-h1')).toBeNull();
    expect(screen.getByTestId('tip-acked-h1').textContent).toBe('Acknowledged');
  });
});
