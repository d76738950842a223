// The debrief's figures (shared/debrief/figures.ts) on a meeting driven with
// an exact clock: speaking time and turns per person, time over, points of
// order, cut-offs and statements; how fast each inject was answered; and what
// a trainee did in the two minutes after a tip. The timetable is in
// tests/support/debrief-fixture.ts; every expected number is worked out by
// hand in the comments.
import { describe, expect, it } from 'vitest';
import type { Tip } from '../../../shared/coaching/state.ts';
import {
  injectResponses,
  participation,
  TIP_FOLLOW_UP_MS,
  tipFollowUps,
} from '../../../shared/debrief/figures.ts';
import { debriefRoom, FACILITATOR, scriptedTalk, T0 } from '../../support/debrief-fixture.ts';

const s = (seconds: number) => T0 + seconds * 1000;

describe('participation', () => {
  const room = scriptedTalk();
  const figures = participation(room.ctx.record);
  const of = (key: string) => figures.find((f) => f.key === key);

  it('adds up each speaker’s turns: p2 spoke 95 s + 40 s = 135 s (2:15) in 2 turns, 5 s over', () => {
    // Turn 1: 100 → 195 = 95 s; its 90 s ran out at 190, so 195 − 190 = 5 s over.
    // Turn 2: 270 → 310 = 40 s, within 90 s.
    expect(of('p:p2')).toEqual({
      key: 'p:p2',
      participantId: 'p2',
      roleId: 'owner_a',
      speakingMs: 135_000,
      turns: 2,
      overtimeMs: 5_000,
      pointsOfOrder: 0,
      cutOff: 0,
      statements: 1, // at 110
    });
  });

  it('counts a cut-off: p3 spoke 200 → 240 = 40 s before the chair cut in', () => {
    expect(of('p:p3')).toMatchObject({
      speakingMs: 40_000,
      turns: 1,
      overtimeMs: 0,
      cutOff: 1,
      statements: 1,
    });
  });

  it('counts a point of order: p6 spoke 250 → 260 = 10 s on it, with no time limit', () => {
    expect(of('p:p6')).toMatchObject({
      roleId: 'tenant',
      speakingMs: 10_000,
      turns: 1,
      overtimeMs: 0,
      pointsOfOrder: 1,
      cutOff: 0,
      statements: 0,
    });
  });

  it('keeps NPCs apart from trainees: the official spoke 30 → 50 = 20 s, one line', () => {
    const official = of('npc:official');
    expect(official).toMatchObject({ roleId: 'official', speakingMs: 20_000, turns: 1, statements: 1 });
    expect(official).not.toHaveProperty('participantId');
    expect(of('p:p1')).toMatchObject({ roleId: 'chair', speakingMs: 30_000, turns: 1, statements: 1 });
  });

  it('sorts by speaking time, most first; the silent do not appear', () => {
    // 135 s, 40 s, 30 s, 20 s, 10 s.
    expect(figures.map((f) => f.key)).toEqual(['p:p2', 'p:p3', 'p:p1', 'npc:official', 'p:p6']);
    expect(of('p:p4')).toBeUndefined();
    // 135 + 40 + 30 + 20 + 10 = 235 s of speaking in all.
    expect(figures.reduce((sum, f) => sum + f.speakingMs, 0)).toBe(235_000);
  });

  it('is empty before anyone speaks', () => {
    expect(participation(debriefRoom().ctx.record)).toEqual([]);
  });
});

describe('inject responses', () => {
  it('smoke fired at 280 (100 + 3 min) and was answered at 350: 70 000 ms, in time against 2 min', () => {
    const room = scriptedTalk();
    expect(injectResponses(room.scenario, room.ctx.record)).toEqual([
      { inject: 'smoke', firedAt: s(280), respondedAt: s(350), responseMs: 70_000, inTime: true },
    ]);
  });

  it('121 s is late against a 2 min window; 120 s exactly is still in time', () => {
    for (const [after, inTime] of [
      [121, false],
      [120, true],
    ] as const) {
      const room = debriefRoom().at(0).goto('talk');
      room.at(180).tick(); // smoke falls due 180 s after "talk" starts
      room.at(180 + after).ok(FACILITATOR, { type: 'inject.respond', injectId: 'smoke' });
      expect(injectResponses(room.scenario, room.ctx.record)).toEqual([
        { inject: 'smoke', firedAt: s(180), respondedAt: s(180 + after), responseMs: after * 1000, inTime },
      ]);
    }
  });

  it('leaves a pause out, as the engine’s response window does', () => {
    // Fired at 180; paused 200 → 500 (300 s); answered at 550.
    // 550 − 180 = 370 s on the wall clock, of which 370 − 300 = 70 s with the meeting running.
    // The engine moved the deadline from 300 to 600, so the answer at 550 was in time.
    const room = debriefRoom().at(0).goto('talk');
    room.at(180).tick();
    room.at(200).ok(FACILITATOR, { type: 'meeting.pause' });
    room.at(500).ok(FACILITATOR, { type: 'meeting.resume' });
    room.at(550).ok(FACILITATOR, { type: 'inject.respond', injectId: 'smoke' });
    expect(room.ctx.record.injects[0]?.respondBy).toBe(s(600));
    expect(injectResponses(room.scenario, room.ctx.record)).toEqual([
      { inject: 'smoke', firedAt: s(180), respondedAt: s(550), responseMs: 70_000, inTime: true },
    ]);
  });

  it('has no response time before an answer, and no verdict without a window', () => {
    const room = debriefRoom().at(0).goto('talk');
    room.at(10).ok(FACILITATOR, { type: 'inject.fire', injectId: 'call' }); // no respond_within
    room.at(20).ok(FACILITATOR, { type: 'inject.fire', injectId: 'spare' });
    room.at(95).ok(FACILITATOR, { type: 'inject.respond', injectId: 'call' });
    expect(injectResponses(room.scenario, room.ctx.record)).toEqual([
      // 95 − 10 = 85 s.
      { inject: 'call', firedAt: s(10), respondedAt: s(95), responseMs: 85_000 },
      { inject: 'spare', firedAt: s(20) },
    ]);
  });
});

describe('tip follow-ups', () => {
  const room = scriptedTalk();

  it('lists what p3 did in the 120 s after t1 (sent at 198): not reading or acking it, not at 121 s', () => {
    // Window 198 … 318 inclusive. p3: tip.read 199 (not an action), hand.raise 200, tip.ack 203
    // (not an action), statement.post 220, mood.show 318 (120 s: in), mood.show 319 (121 s: out).
    // The chair giving p3 the floor at 200 and cutting at 240 are the chair's, not p3's.
    expect(TIP_FOLLOW_UP_MS).toBe(120_000);
    expect(tipFollowUps(room.coaching.tips, room.log, ['p1', 'p2', 'p3'])).toEqual([
      {
        tipId: 't1',
        participantId: 'p3',
        sentAt: s(198),
        ackAt: s(203),
        actions: [
          { at: s(200), type: 'hand.raise' },
          { at: s(220), type: 'statement.post' },
          { at: s(318), type: 'mood.show' },
        ],
      },
    ]);
  });

  it('a broadcast has one follow-up per trainee given; an unread tip has no ackAt', () => {
    const broadcast: Tip = {
      id: 'b1',
      attempt: 1,
      from: 'o1',
      to: 'all',
      text: 'Summarise',
      sentAt: s(300),
      receipts: {},
    };
    // Window 300 … 420: p2 yields at 310; p3 shows moods at 318 and 319; p1 does nothing
    // (the 350 answer to the inject is the facilitator's).
    expect(tipFollowUps([broadcast], room.log, ['p1', 'p2', 'p3'])).toEqual([
      { tipId: 'b1', participantId: 'p1', sentAt: s(300), actions: [] },
      { tipId: 'b1', participantId: 'p2', sentAt: s(300), actions: [{ at: s(310), type: 'floor.yield' }] },
      {
        tipId: 'b1',
        participantId: 'p3',
        sentAt: s(300),
        actions: [
          { at: s(318), type: 'mood.show' },
          { at: s(319), type: 'mood.show' },
        ],
      },
    ]);
  });
});
