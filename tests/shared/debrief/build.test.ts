// The debrief per viewer (shared/debrief/build.ts) and its Markdown
// (markdown.ts), on the scripted meeting of tests/support/debrief-fixture.ts
// plus coaching: who sees which tips, markers, scores, plan items, injects,
// ballots and secrets; attempts split by meeting.retake and compared; and the
// figures in the report. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  buildDebrief,
  type DebriefView,
  type DebriefViewer,
  splitByAttempt,
} from '../../../shared/debrief/build.ts';
import { debriefMarkdown } from '../../../shared/debrief/markdown.ts';
import type { LogEntry } from '../../../shared/log/entry.ts';
import type { Scenario } from '../../../shared/scenario/index.ts';
import {
  type DebriefRoom,
  debriefRoom,
  EXPERT,
  FACILITATOR,
  OBSERVER,
  scriptedClose,
  scriptedTalk,
  seat,
  T0,
  TIP_TO_P3,
} from '../../support/debrief-fixture.ts';
import { viewScenario } from '../../support/views-fixture.ts';

const s = (seconds: number) => T0 + seconds * 1000;
const trainee = (participantId: string): DebriefViewer => ({ audience: 'trainee', participantId });
const OBSERVING: DebriefViewer = { audience: 'observer' };
const o1 = OBSERVER;
const o2 = EXPERT('o2');
const o3 = EXPERT('o3');

/** Coaching texts, each unique so a search finds exactly who received it. */
const TEXT = {
  tipP2: 'TIP-for-p2',
  broadcast: 'BROADCAST-to-all',
  markerSharedP2: 'MARKER-shared-p2',
  markerUnsharedP2: 'MARKER-unshared-p2',
  markerRoom: 'MARKER-shared-room',
  markerP3: 'MARKER-shared-p3',
  backchannel: 'BACKCHANNEL-1',
  scoreNoteP2: 'SCORE-NOTE-p2',
  scoreNoteP3: 'SCORE-NOTE-p3',
  planP2: 'PLAN-p2',
  planP3: 'PLAN-p3',
};

/** Attempt 1 with coaching during the talk (360) and scores and plans after the debrief opens (510). */
function coachedMeeting(room: DebriefRoom = debriefRoom(), close = true): DebriefRoom {
  scriptedTalk(room)
    .at(360)
    .coach(o2, { type: 'tip.whisper', tipId: 't2', to: 'p2', text: TEXT.tipP2 })
    .coach(o3, { type: 'tip.broadcast', tipId: 'b1', text: TEXT.broadcast })
    .coach(o1, {
      type: 'marker.drop',
      markerId: 'm1',
      participantId: 'p2',
      competency: 'mass_work',
      kind: 'strength',
      note: TEXT.markerSharedP2,
      shared: true,
    })
    .coach(o1, {
      type: 'marker.drop',
      markerId: 'm2',
      participantId: 'p2',
      competency: 'mass_work',
      kind: 'needs_work',
      note: TEXT.markerUnsharedP2,
    })
    .coach(o2, {
      type: 'marker.drop',
      markerId: 'm3',
      competency: 'coordination',
      kind: 'needs_work',
      note: TEXT.markerRoom,
      shared: true,
    })
    .coach(o2, {
      type: 'marker.drop',
      markerId: 'm4',
      participantId: 'p3',
      competency: 'coordination',
      kind: 'strength',
      note: TEXT.markerP3,
      shared: true,
    })
    .coach(o1, { type: 'backchannel.say', messageId: 'bc1', text: TEXT.backchannel });
  if (!close) return room;
  scriptedClose(room)
    .at(510)
    .coach(o1, {
      type: 'score.set',
      participantId: 'p2',
      competency: 'mass_work',
      score: 4,
      note: TEXT.scoreNoteP2,
      markerIds: ['m1', 'm2'],
    })
    .coach(o2, { type: 'score.set', participantId: 'p2', competency: 'mass_work', score: 5 })
    .coach(o3, { type: 'score.set', participantId: 'p2', competency: 'mass_work', score: 2 })
    .coach(o1, {
      type: 'score.set',
      participantId: 'p3',
      competency: 'coordination',
      score: 'P',
      note: TEXT.scoreNoteP3,
    })
    .coach(o2, { type: 'score.set', participantId: 'p3', competency: 'coordination', score: 'S' })
    .coach(o1, { type: 'plan.add', itemId: 'plan-1', participantId: 'p2', text: TEXT.planP2 })
    .coach(o2, { type: 'plan.add', itemId: 'plan-2', participantId: 'p3', text: TEXT.planP3 });
  return room;
}

/**
 * Attempt 2, after a retake keeping the cards: started at 610, p1 opens 610 → 660 (50 s),
 * o1 whispers t3 to p2 at 620 and scores p2 3 on mass_work at 705; ended at 700.
 */
function retake(room: DebriefRoom): DebriefRoom {
  return room
    .at(600)
    .ok(FACILITATOR, { type: 'meeting.retake', cards: 'keep' })
    .at(610)
    .ok(FACILITATOR, { type: 'meeting.start' })
    .ok(seat('p1'), { type: 'meeting.begin' })
    .ok(seat('p1'), { type: 'floor.give' })
    .at(620)
    .coach(o1, { type: 'tip.whisper', tipId: 't3', to: 'p2', text: 'TIP-attempt-2' })
    .at(660)
    .ok(seat('p1'), { type: 'floor.yield' })
    .at(700)
    .ok(FACILITATOR, { type: 'meeting.end' })
    .at(705)
    .coach(o1, { type: 'score.set', participantId: 'p2', competency: 'mass_work', score: 3 });
}

/** Released through every attempt: these tests are about visibility once scores are out (release.test.ts: before). */
const build = (room: DebriefRoom, viewer: DebriefViewer): DebriefView =>
  buildDebrief({ ...room.debriefInput(), release: { throughAttempt: 99 } }, viewer);
const json = (x: unknown) => JSON.stringify(x);
const canaries = (x: unknown) => [...new Set(json(x).match(/CANARY-[A-Za-z0-9_-]+/g) ?? [])].sort();
const withoutReveal = (): Scenario => {
  const scenario = viewScenario();
  return { ...scenario, debrief: { ...scenario.debrief, revealSecrets: false } };
};

describe('one attempt, seen by an observer', () => {
  const room = coachedMeeting();
  const view = build(room, OBSERVING);
  const [attempt] = view.attempts;

  it('has every tip with what followed it, every marker, score and plan item', () => {
    expect(room.state).toBe('debrief');
    expect(view.attempts).toHaveLength(1);
    expect(attempt?.current).toBe(true);
    // t1 to p3, t2 to p2, and the broadcast b1 to each of the six card holders (p7 has no card).
    expect(attempt?.tips.map((t) => `${t.tipId}:${t.participantId}`)).toEqual([
      't1:p3',
      't2:p2',
      'b1:p1',
      'b1:p2',
      'b1:p3',
      'b1:p4',
      'b1:p5',
      'b1:p6',
    ]);
    // What p3 did in 198 … 318 (see figures.test.ts); p2 after t2 at 360: the vote at 410.
    expect(attempt?.tips[0]).toEqual({
      tipId: 't1',
      participantId: 'p3',
      sentAt: s(198),
      ackAt: s(203),
      actions: [
        { at: s(200), type: 'hand.raise' },
        { at: s(220), type: 'statement.post' },
        { at: s(318), type: 'mood.show' },
      ],
      text: TIP_TO_P3,
      broadcast: false,
    });
    expect(attempt?.tips[1]?.actions).toEqual([{ at: s(410), type: 'vote.cast' }]);
    expect(attempt?.markers.map((m) => [m.id, m.observerId])).toEqual([
      ['m1', 'o1'],
      ['m2', 'o1'],
      ['m3', 'o2'],
      ['m4', 'o2'],
    ]);
    expect(attempt?.plan.map((p) => [p.participantId, p.text, p.observerId])).toEqual([
      ['p2', TEXT.planP2, 'o1'],
      ['p3', TEXT.planP3, 'o2'],
    ]);
  });

  it('aggregates the scores: p2 4, 5, 2 → 3.67, spread 3, agreement 0.33; p3 P, S → 3.5, 1, 1', () => {
    expect(
      attempt?.scores.map((a) => [a.participantId, a.competency, a.mean, a.spread, a.agreement]),
    ).toEqual([
      ['p2', 'mass_work', 3.67, 3, 0.33],
      ['p3', 'coordination', 3.5, 1, 1],
    ]);
    expect(attempt?.scores[0]?.scores[0]).toEqual({
      observerId: 'o1',
      score: 4,
      note: TEXT.scoreNoteP2,
      markerIds: ['m1', 'm2'],
    });
  });

  it('has the participation figures and every inject, answered or not', () => {
    expect(attempt?.participation.find((f) => f.participantId === 'p2')).toMatchObject({
      speakingMs: 135_000,
      turns: 2,
      overtimeMs: 5_000,
    });
    // smoke 280 → 350 = 70 s; call (to owner_a) at 400 and note (to observers) at 405, unanswered.
    expect(attempt?.injects).toEqual([
      { inject: 'smoke', firedAt: s(280), respondedAt: s(350), responseMs: 70_000, inTime: true },
      { inject: 'call', firedAt: s(400) },
      { inject: 'note', firedAt: s(405) },
    ]);
  });

  it('sees who voted what in the secret ballot, and every card’s secrets', () => {
    const ballot = attempt?.record.ballots[0];
    expect(ballot?.kind === 'vote' && ballot.votes).toEqual({
      p1: 'yes',
      p2: 'yes',
      p3: 'no',
      p4: 'yes',
      p5: 'no',
      p6: 'yes',
    });
    expect(view.secrets?.map((r) => r.id)).toEqual([
      'chair',
      'owner_a',
      'owner_b',
      'owners',
      'tenant',
      'official',
    ]);
    // Observers see all, even mid-meeting and when the scenario keeps secrets.
    const running = coachedMeeting(debriefRoom(withoutReveal()), false);
    expect(running.state.startsWith('meeting.')).toBe(true);
    expect(build(running, OBSERVING).secrets).toHaveLength(6);
  });

  it('writes the vote’s arithmetic into the minutes: 4 of 6 = 66.7%', () => {
    expect(attempt?.minutes.en).toContain(
      '- **Count**: eligible 6; participating 6: yes 4, no 2, abstain 0.',
    );
    expect(attempt?.minutes.en).toContain('- **Result**: Yes 66.7% of headcount voting yes or no; passed.');
    expect(attempt?.minutes.zh).toContain('同意票占有效票 66.7%，通过。');
  });

  it('carries the timeline with the observers named', () => {
    const tip = attempt?.timeline.find((e) => e.type === 'tip.whisper');
    expect(tip?.by).toEqual({ kind: 'observer', id: 'o1' });
    expect(attempt?.timeline.some((e) => e.type === 'backchannel.say')).toBe(true);
  });
});

describe('one attempt, seen by a trainee', () => {
  const room = coachedMeeting();
  const p2 = build(room, trainee('p2'));
  const p3 = build(room, trainee('p3'));
  const p7 = build(room, trainee('p7'));
  const first = (v: DebriefView) => v.attempts[0];

  it('tips: only their own whispers and the broadcast, as their own follow-ups', () => {
    expect(first(p2)?.tips.map((t) => `${t.tipId}:${t.participantId}:${t.text}`)).toEqual([
      `t2:p2:${TEXT.tipP2}`,
      `b1:p2:${TEXT.broadcast}`,
    ]);
    expect(first(p3)?.tips.map((t) => `${t.tipId}:${t.participantId}`)).toEqual(['t1:p3', 'b1:p3']);
    expect(json(p2)).not.toContain(TIP_TO_P3);
    expect(json(p3)).not.toContain(TEXT.tipP2);
  });

  it('markers: only shared ones about them or the whole room, without the expert', () => {
    expect(first(p2)?.markers.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(first(p3)?.markers.map((m) => m.id)).toEqual(['m3', 'm4']);
    expect(first(p7)?.markers.map((m) => m.id)).toEqual(['m3']);
    for (const m of first(p2)?.markers ?? []) expect(m).not.toHaveProperty('observerId');
    expect(json(p2)).not.toContain(TEXT.markerUnsharedP2);
    expect(json(p2)).not.toContain(TEXT.markerP3);
  });

  it('scores: only their own, with the same figures, no expert ids, no hidden markers', () => {
    expect(first(p2)?.scores).toEqual([
      {
        participantId: 'p2',
        competency: 'mass_work',
        attempt: 1,
        // m2 is not shared: its id goes too.
        scores: [
          { expert: 1, score: 4, note: TEXT.scoreNoteP2, markerIds: ['m1'] },
          { expert: 2, score: 5, markerIds: [] },
          { expert: 3, score: 2, markerIds: [] },
        ],
        mean: 3.67,
        spread: 3,
        agreement: 0.33,
      },
    ]);
    expect(first(p3)?.scores.map((a) => [a.competency, a.mean, a.spread, a.agreement])).toEqual([
      ['coordination', 3.5, 1, 1],
    ]);
    expect(first(p7)?.scores).toEqual([]);
    expect(json(p2)).not.toContain(TEXT.scoreNoteP3);
  });

  it('scores: each expert keeps one number across rows, in the order the experts joined', () => {
    // o3 (the third to join) alone scores p2 on coordination: that row's only expert is "Expert 3", not "Expert 1".
    const room = coachedMeeting();
    room.at(520).coach(o3, { type: 'score.set', participantId: 'p2', competency: 'coordination', score: 3 });
    const rows = build(room, trainee('p2')).attempts[0]?.scores ?? [];
    expect(rows.map((r) => [r.competency, r.scores.map((x) => x.expert)])).toEqual([
      ['mass_work', [1, 2, 3]],
      ['coordination', [3]],
    ]);
  });

  it('plan: only their own items, without the expert', () => {
    expect(first(p2)?.plan).toEqual([
      { id: 'plan-1', participantId: 'p2', attempt: 1, text: TEXT.planP2, at: s(510) },
    ]);
    expect(first(p3)?.plan.map((p) => p.text)).toEqual([TEXT.planP3]);
  });

  it('no observer id, name or backchannel anywhere', () => {
    for (const view of [p2, p3, p7]) {
      for (const id of ['o1', 'o2', 'o3']) expect(json(view)).not.toContain(`"${id}"`);
      expect(json(view)).not.toContain(TEXT.backchannel);
      expect(json(view)).not.toContain('"kind":"observer"');
      for (const entry of first(view)?.timeline ?? []) expect(entry.by.kind).not.toBe('observer');
    }
  });

  it('injects: those addressed to them; never the observers’ note or a spare', () => {
    expect(first(p2)?.injects.map((i) => i.inject)).toEqual(['smoke', 'call']); // p2 holds owner_a
    expect(first(p3)?.injects.map((i) => i.inject)).toEqual(['smoke']);
    expect(first(p3)?.record.injects.map((i) => i.inject)).toEqual(['smoke']);
    expect(first(p2)?.injects[0]).toEqual({
      inject: 'smoke',
      firedAt: s(280),
      respondedAt: s(350),
      responseMs: 70_000,
      inTime: true,
    });
    const fired = (v: DebriefView) =>
      first(v)
        ?.timeline.filter((e) => e.type === 'inject.fire')
        .map((e) => e.data.injectId);
    expect(fired(p2)).toEqual(['call']); // smoke fired by the clock, inside a clock.tick
    expect(fired(p3)).toEqual([]);
    expect(json(p3)).not.toContain('CANARY-INJECT-call');
    for (const view of [p2, p3, p7]) {
      expect(json(view)).not.toContain('CANARY-INJECT-note');
      expect(json(view)).not.toContain('CANARY-SPARE');
      expect(json(view)).not.toContain('CANARY-EXPECT');
    }
  });

  it('the secret ballot: the count, but not who voted what, nor area totals that would name them', () => {
    const ballot = first(p2)?.record.ballots[0];
    if (ballot?.kind !== 'vote') throw new Error('no vote');
    expect(ballot.votes).toEqual({});
    // Yes: p1 (chair, no area) + p2 (90 m²) + p4 (50) + p6 (tenant) = 140 m² would say who; zeroed.
    const { yes, no, cast, eligible } = ballot.outcome;
    expect([yes.headcount, no.headcount, cast.headcount, eligible.headcount]).toEqual([4, 2, 6, 6]);
    expect([yes.area, no.area, cast.area, eligible.area]).toEqual([0, 0, 0, 0]);
    expect(first(p2)?.minutes.en).toContain('Yes 66.7% of headcount voting yes or no; passed.');
    expect(
      first(p2)
        ?.timeline.filter((e) => e.type === 'vote.cast')
        .map((e) => e.data),
    ).toEqual(Array(6).fill({}));
  });

  it('secrets: revealed once the meeting is closed, when the scenario allows', () => {
    // The scenario reveals (the default): nothing while running, everything once closed or in the debrief.
    const running = coachedMeeting(debriefRoom(), false);
    expect(running.state).toBe('meeting.running.floor.idle');
    expect(build(running, trainee('p2')).secrets).toBeNull();
    // Not one canary (a card's private field) yet: the private inject "call" fires only at 400.
    expect(canaries(build(running, trainee('p2')))).toEqual([]);
    running.at(400).ok(FACILITATOR, { type: 'inject.fire', injectId: 'call' });
    expect(canaries(build(running, trainee('p2')))).toEqual(['CANARY-INJECT-call']);
    expect(canaries(build(running, trainee('p3')))).toEqual([]);
    expect(p2.secrets?.map((r) => r.id)).toEqual([
      'chair',
      'owner_a',
      'owner_b',
      'owners',
      'tenant',
      'official',
    ]);
    const ended = scriptedTalk().at(400).ok(FACILITATOR, { type: 'meeting.end' });
    expect(ended.state).toBe('closed');
    expect(build(ended, trainee('p3')).secrets).toHaveLength(6);
    // The scenario keeps them: never, not even in the debrief.
    const kept = coachedMeeting(debriefRoom(withoutReveal()));
    expect(kept.state).toBe('debrief');
    expect(build(kept, trainee('p2')).secrets).toBeNull();
    expect(canaries(build(kept, trainee('p2')))).toEqual(['CANARY-INJECT-call']);
    expect(canaries(build(kept, trainee('p3')))).toEqual([]);
  });
});

describe('attempts', () => {
  const room = retake(coachedMeeting());

  it('splits the log at each meeting.retake', () => {
    const byAttempt = splitByAttempt(room.log);
    expect([...byAttempt.keys()]).toEqual([1, 2]);
    const one = byAttempt.get(1) as LogEntry[];
    const two = byAttempt.get(2) as LogEntry[];
    expect(one.at(-1)?.payload.command.type).toBe('meeting.retake');
    expect(two[0]?.payload.command.type).toBe('meeting.start');
    expect(one.length + two.length).toBe(room.log.length);
    expect(splitByAttempt([]).size).toBe(0);
  });

  it('keeps each attempt’s figures, tips and scores apart', () => {
    const view = build(room, OBSERVING);
    expect(view.attempts.map((a) => [a.attempt, a.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const [one, two] = view.attempts;
    expect(one?.participation.find((f) => f.participantId === 'p2')?.speakingMs).toBe(135_000);
    // Attempt 2: only p1 spoke, 610 → 660 = 50 s.
    expect(two?.participation).toEqual([
      {
        key: 'p:p1',
        participantId: 'p1',
        roleId: 'chair',
        speakingMs: 50_000,
        turns: 1,
        overtimeMs: 0,
        pointsOfOrder: 0,
        cutOff: 0,
        statements: 0,
      },
    ]);
    expect(two?.tips.map((t) => t.tipId)).toEqual(['t3']);
    expect(two?.tips[0]?.actions).toEqual([]); // p2 did nothing in 620 … 740
    expect(two?.scores.map((a) => [a.participantId, a.mean])).toEqual([['p2', 3]]);
    expect(one?.timeline.at(-1)?.type).toBe('meeting.retake');
    expect(two?.timeline[0]?.type).toBe('meeting.start');
    expect(one?.minutes.en).toContain('Attempt 1');
    expect(two?.minutes.en).toContain('Attempt 2');
  });

  it('compares each card holder across the two attempts', () => {
    const view = build(room, OBSERVING);
    // Six card holders (p7 has none) × two attempts.
    expect(view.comparison).toHaveLength(12);
    const row = (id: string, attempt: number) =>
      view.comparison.find((r) => r.participantId === id && r.attempt === attempt);
    expect(row('p2', 1)).toEqual({
      participantId: 'p2',
      attempt: 1,
      roleId: 'owner_a',
      competencies: { mass_work: 3.67 },
      speakingMs: 135_000,
      turns: 2,
      overtimeMs: 5_000,
      pointsOfOrder: 0,
    });
    expect(row('p2', 2)).toEqual({
      participantId: 'p2',
      attempt: 2,
      roleId: 'owner_a',
      competencies: { mass_work: 3 },
      speakingMs: 0,
      turns: 0,
      overtimeMs: 0,
      pointsOfOrder: 0,
    });
    expect(row('p3', 1)?.competencies).toEqual({ coordination: 3.5 });
    expect(row('p6', 1)?.pointsOfOrder).toBe(1);
    expect(row('p1', 2)).toMatchObject({ speakingMs: 50_000, turns: 1 });
    expect(row('p7', 1)).toBeUndefined();
  });

  it('a trainee compares only themself, and sees only their own items in each attempt', () => {
    const view = build(room, trainee('p2'));
    expect(view.comparison.map((r) => [r.participantId, r.attempt, r.competencies])).toEqual([
      ['p2', 1, { mass_work: 3.67 }],
      ['p2', 2, { mass_work: 3 }],
    ]);
    expect(view.attempts.map((a) => a.tips.map((t) => t.tipId))).toEqual([['t2', 'b1'], ['t3']]);
    // After the retake the meeting was closed again (700): the secrets are out again.
    expect(room.state).toBe('closed');
    expect(view.secrets).toHaveLength(6);
  });
});

describe('the Markdown report', () => {
  const room = retake(coachedMeeting());
  const scenario = room.scenario;

  it('a trainee’s report has their figures, tips, scores and plan, and nobody else’s', () => {
    const md = debriefMarkdown(build(room, trainee('p2')), scenario, 'en', 'p2');
    expect(md).toContain('# Engine test — Debrief report');
    expect(md).toContain('Trainee: Name p2');
    expect(md).toContain('## Attempt 1');
    expect(md).toContain('## Attempt 2');
    // 95 s + 40 s = 2:15 in 2 turns, 0:05 over.
    expect(md).toContain('| Name p2（owner_a） | 2:15 | 2 | 0:05 | 0 | 0 |');
    expect(md).toContain('| Name p3（owner_b） | 0:40 | 1 | 0:00 | 0 | 1 |');
    expect(md).toContain('| Name p6（tenant） | 0:10 | 1 | 0:00 | 1 | 0 |');
    expect(md).toContain('- Smoke: Response time 1:10（in time）');
    expect(md).toContain('- CANARY-INJECT-call: no response');
    // After t2 at 360, p2's next action was the vote at 410.
    expect(md).toContain(`- Name p2: “${TEXT.tipP2}” — In the next two minutes: voted`);
    expect(md).toContain('| Name p2 | Working with residents | 3.67 | 3 | 33% |');
    expect(md).toContain(`- Name p2: ${TEXT.planP2}`);
    expect(md).toContain(`- Name p2 · Working with residents · strength: ${TEXT.markerSharedP2}`);
    expect(md).toContain(`- — · Organisation and coordination · needs work: ${TEXT.markerRoom}`);
    expect(md).toContain('Yes 66.7% of headcount voting yes or no; passed.');
    expect(md).toContain('## Attempts compared');
    expect(md).toContain('| Name p2 | 1 | 3.67 | — | — | — | 2:15 | 2 |');
    expect(md).toContain('| Name p2 | 2 | 3 | — | — | — | 0:00 | 0 |');
    for (const hidden of [
      TIP_TO_P3,
      TEXT.markerUnsharedP2,
      TEXT.markerP3,
      TEXT.planP3,
      TEXT.backchannel,
      'CANARY-INJECT-note',
      'Organisation and coordination | 3.5',
    ]) {
      expect(md).not.toContain(hidden);
    }
  });

  it('in Chinese too', () => {
    const md = debriefMarkdown(build(room, trainee('p2')), scenario, 'zh', 'p2');
    expect(md).toContain('复盘报告');
    expect(md).toContain('## 第 1 次演练');
    expect(md).toContain('| Name p2（owner_a） | 2:15 | 2 | 0:05 | 0 | 0 |');
    expect(md).toContain('- Smoke: 响应用时 1:10（在时限内）');
    expect(md).toContain('| Name p2 | 群众工作能力 | 3.67 | 3 | 33% |');
    expect(md).toContain('同意票占有效票 66.7%，通过。');
    expect(md).toContain('## 各次演练对比');
    // What p2 did after the tip, in words: never the command's name.
    expect(md).toContain(`- Name p2: “${TEXT.tipP2}” — 之后两分钟内: 投票`);
    expect(md).not.toContain('vote.cast');
  });

  it('the observers’ report on one trainee has that trainee’s tips and scores only', () => {
    const md = debriefMarkdown(build(room, OBSERVING), scenario, 'en', 'p3');
    expect(md).toContain('Trainee: Name p3');
    expect(md).toContain(
      `- Name p3: “${TIP_TO_P3}”（acknowledged） — In the next two minutes: raised a hand, spoke, showed a mood`,
    );
    // P, S → 4, 3: mean 3.5, spread 1, agreement 100%.
    expect(md).toContain('| Name p3 | Organisation and coordination | 3.5 | 1 | 100% |');
    expect(md).not.toContain(TEXT.tipP2);
    expect(md).not.toContain('| Name p2 | Working with residents');
    expect(md).toContain('## The cards revealed');
  });

  it('the whole room’s report has everyone', () => {
    const md = debriefMarkdown(build(room, OBSERVING), scenario, 'en');
    expect(md).not.toContain('Trainee:');
    expect(md).toContain('| Name p2 | Working with residents | 3.67 | 3 | 33% |');
    expect(md).toContain('| Name p3 | Organisation and coordination | 3.5 | 1 | 100% |');
    expect(md).toContain(TEXT.markerUnsharedP2);
    expect(md).toContain('- CANARY-INJECT-note: no response');
  });

  it('keeps the cards hidden from a trainee while the meeting runs', () => {
    const running = coachedMeeting(debriefRoom(), false);
    const md = debriefMarkdown(build(running, trainee('p3')), scenario, 'en', 'p3');
    expect(md).not.toContain('## The cards revealed');
    expect(md).not.toMatch(/CANARY-/);
  });
});
