// A card an expert plays, as each viewer sees it: the room (trainees, the
// projector) knows only the character — no name, no observer id, no sign of
// an expert — in the live view, the timeline and the live record; the
// single-sided screen sees which expert plays it. The debrief and its Markdown
// say who played which card: the expert by name for observers and the
// facilitator, "an expert" in a trainee's copy.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../shared/debrief/build.ts';
import { debriefMarkdown } from '../../../shared/debrief/markdown.ts';
import type { PlayedCommand } from '../../../shared/meeting/commands.ts';
import { projectLive, projectTrainee } from '../../../shared/views/live.ts';
import { projectTimeline } from '../../../shared/views/timeline.ts';
import { FACILITATOR, OBSERVER, seat, ViewRoom } from '../../support/views-fixture.ts';

const EXPERT_NAME = 'CANARY-EXPERT-NAME';
const play = (participantId: string, command: PlayedCommand) =>
  ({ type: 'card.play', participantId, command }) as const;

/** Chair p1, owner_b p3, crowd owner p4; observer o1 (named) plays owner_a; the stand-in speaks and votes. */
function playedRoom(): { room: ViewRoom; standIn: string } {
  const room = new ViewRoom()
    .coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: EXPERT_NAME })
    .seat({ p1: 'chair', p3: 'owner_b', p4: 'owners' })
    .ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' });
  const standIn = Object.values(room.ctx.participants).find((p) => p.playedBy === 'o1')?.id;
  if (!standIn) throw new Error('no stand-in');
  room
    .ok(FACILITATOR, { type: 'meeting.start' })
    .ok(seat('p1'), { type: 'meeting.begin' })
    .goto('talk')
    .ok(OBSERVER, play(standIn, { type: 'hand.raise' }))
    .ok(seat('p1'), { type: 'floor.give' })
    .advance(20)
    .ok(OBSERVER, play(standIn, { type: 'statement.post', text: 'The shaft blocks my window.' }))
    .ok(OBSERVER, play(standIn, { type: 'floor.yield' }))
    .goto('decide')
    .ok(seat('p1'), { type: 'vote.open' })
    .ok(OBSERVER, play(standIn, { type: 'vote.cast', choice: 'no' }))
    .ok(seat('p3'), { type: 'vote.cast', choice: 'yes' })
    .ok(seat('p1'), { type: 'vote.close' });
  return { room, standIn };
}

/** Nothing of the expert: no observer id, no expert name, no `playedBy` or `standIn` key. */
function expectNoExpert(value: unknown, who: string) {
  const json = JSON.stringify(value);
  expect(json, `${who} learns the observer id`).not.toMatch(/"o1"/);
  expect(json, `${who} learns the expert's name`).not.toContain(EXPERT_NAME);
  expect(json, `${who} learns a seat is played`).not.toContain('playedBy');
  expect(json, `${who} learns a seat is a stand-in`).not.toContain('standIn');
}

describe('the live view', () => {
  it('the room sees the character only: no name, present, the same fields as any seat', () => {
    const { room, standIn } = playedRoom();
    for (const [who, view] of [
      ['a trainee', projectTrainee(room.input(['p1', 'p3']), 'p3')],
      ['the projector', projectLive(room.input(['p1', 'p3']), 'projector')],
    ] as const) {
      expectNoExpert(view, who);
      const seatView = view.participants.find((p) => p.id === standIn);
      expect(seatView).toEqual({ id: standIn, name: '', roleId: 'owner_a', mood: null, online: true });
      // What it did is there, as any seat's: its statement, its open-ballot vote.
      expect(view.record.statements.at(-1)).toMatchObject({
        speaker: { kind: 'participant', id: standIn },
        roleId: 'owner_a',
      });
      const counted = view.record.ballots.at(-1);
      expect(counted?.kind === 'vote' && counted.votes[standIn]).toBe('no');
    }
  });

  it('the single-sided screen sees which expert plays it, and whether they are connected', () => {
    const { room, standIn } = playedRoom();
    const offline = projectLive(room.input(), 'facilitator');
    expect(offline.participants.find((p) => p.id === standIn)).toEqual({
      id: standIn,
      name: EXPERT_NAME,
      roleId: 'owner_a',
      mood: null,
      online: false,
      playedBy: 'o1',
    });
    expect(offline.observersOnline).toEqual([]);
    const online = projectLive({ ...room.input(), observersOnline: new Set(['o1', 'ghost']) }, 'observer');
    expect(online.participants.find((p) => p.id === standIn)?.online).toBe(true);
    // Only observers who have joined the session are listed.
    expect(online.observersOnline).toEqual(['o1']);
    expect(projectLive(room.input(), 'projector').observersOnline).toBeUndefined();
  });

  it('a card taken back leaves the meeting for every viewer', () => {
    const room = new ViewRoom()
      .coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: EXPERT_NAME })
      .seat({ p1: 'chair' })
      .ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' });
    const standIn = Object.keys(room.ctx.participants).find((id) => id !== 'p1') as string;
    room.ok(FACILITATOR, { type: 'card.release_expert', participantId: standIn });
    for (const audience of ['trainee', 'projector', 'observer', 'facilitator'] as const)
      expect(projectLive(room.input(), audience).participants.map((p) => p.id)).toEqual(['p1']);
  });
});

describe('the timeline', () => {
  it('the room never sees the card handed to an expert; the seat’s actions are the seat’s', () => {
    const { room, standIn } = playedRoom();
    const mine = projectTimeline(room.scenario, room.log, {
      audience: 'trainee',
      participantId: 'p3',
      roleId: 'owner_b',
    });
    const projector = projectTimeline(room.scenario, room.log, { audience: 'projector', roleId: null });
    for (const [who, entries] of [
      ['a trainee', mine],
      ['the projector', projector],
    ] as const) {
      expectNoExpert(entries, who);
      expect(entries.some((e) => e.type.startsWith('card.') && e.type !== 'card.take')).toBe(false);
      const byStandIn = entries
        .filter((e) => e.by.kind === 'participant' && e.by.id === standIn)
        .map((e) => e.type);
      expect(byStandIn).toEqual(['hand.raise', 'statement.post', 'floor.yield', 'vote.cast']);
    }
    const full = projectTimeline(room.scenario, room.log, { audience: 'facilitator' });
    expect(full.find((e) => e.type === 'card.assign_expert')?.data).toEqual({
      roleId: 'owner_a',
      observerId: 'o1',
    });
  });
});

describe('the debrief', () => {
  const debriefOf = (room: ViewRoom, viewer: Parameters<typeof buildDebrief>[1]) =>
    buildDebrief(
      {
        scenario: room.scenario,
        context: room.ctx,
        state: room.state,
        coaching: room.coaching,
        log: room.log,
      },
      viewer,
    );

  it('for the single-sided screen, names the expert who played the card', () => {
    const { room, standIn } = playedRoom();
    room.ok(FACILITATOR, { type: 'meeting.end' });
    const view = debriefOf(room, { audience: 'facilitator' });
    expect(view.participants.find((p) => p.id === standIn)).toEqual({
      id: standIn,
      name: EXPERT_NAME,
      standIn: { observerId: 'o1' },
    });
    const minutes = view.attempts[0]?.minutes;
    expect(minutes?.zh).toContain(`专家${EXPERT_NAME}（饰 owner_a）`);
    expect(minutes?.en).toContain(`expert ${EXPERT_NAME} (as owner_a)`);
    // The comparison is of trainees: an expert's card is not in it.
    expect(view.comparison.map((r) => r.participantId).sort()).toEqual(['p1', 'p3', 'p4']);
    const markdown = debriefMarkdown(view, room.scenario, 'en');
    expect(markdown).toContain(`| expert ${EXPERT_NAME}（owner_a） |`);
  });

  it('for a trainee, says an expert played it, and not which', () => {
    const { room, standIn } = playedRoom();
    room.ok(FACILITATOR, { type: 'meeting.end' });
    const view = debriefOf(room, { audience: 'trainee', participantId: 'p3' });
    expect(view.participants.find((p) => p.id === standIn)).toEqual({ id: standIn, name: '', standIn: {} });
    const json = JSON.stringify(view);
    expect(json).not.toContain(EXPERT_NAME);
    expect(json).not.toMatch(/"o1"/);
    const minutes = view.attempts[0]?.minutes;
    expect(minutes?.zh).toContain('专家（饰 owner_a）');
    expect(minutes?.en).toContain('an expert (as owner_a)');
    for (const lang of ['zh', 'en'] as const) {
      const markdown = debriefMarkdown(view, room.scenario, lang, 'p3');
      expect(markdown).not.toContain(EXPERT_NAME);
    }
    expect(debriefMarkdown(view, room.scenario, 'zh')).toContain('| 专家（owner_a） |');
  });
});
