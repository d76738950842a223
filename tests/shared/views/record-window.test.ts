// The live view's record stays bounded in a long meeting: it carries the
// latest turns and statements (a window that moves in steps, so updates
// are appends), their counts and the speaking totals over all of them; the
// rest comes on request (recordPage).
import { describe, expect, it } from 'vitest';
import { projectLive, projectTrainee } from '../../../shared/views/live.ts';
import { RECORD_WINDOW, recordPage, windowStart } from '../../../shared/views/live-record.ts';
import { diff } from '../../../shared/views/patch.ts';
import { FACILITATOR, OBSERVER, seat, startedRoom, type ViewRoom } from '../../support/views-fixture.ts';

/** In "talk" (open floor, 90 s per speaker): `turns` turns, alternating p2 and p3, each `seconds` long with one statement. */
function talk(turns: number, seconds = 30): ViewRoom {
  const room = startedRoom().goto('talk');
  for (let i = 0; i < turns; i++) {
    const who = i % 2 === 0 ? 'p2' : 'p3';
    room.advance(1).ok(seat(who), { type: 'hand.raise' });
    room.ok(seat('p1'), { type: 'floor.give' });
    room.advance(seconds).ok(seat(who), { type: 'statement.post', text: `line ${i}` });
    room.ok(seat(who), { type: 'floor.yield' });
  }
  return room;
}

describe('the window over turns and statements', () => {
  it('starts at 0 below twice the window, then moves in steps of the window', () => {
    expect(RECORD_WINDOW).toBe(16);
    // Worked by hand: start = floor((count − 16) / 16) × 16 once count ≥ 32.
    const cases: [number, number][] = [
      [0, 0],
      [1, 0],
      [31, 0],
      [32, 16],
      [47, 16],
      [48, 32],
      [120, 96],
      [1000, 976],
    ];
    for (const [count, start] of cases) expect([count, windowStart(count)]).toEqual([count, start]);
    for (let count = 32; count < 500; count++) {
      const carried = count - windowStart(count);
      expect(carried).toBeGreaterThanOrEqual(RECORD_WINDOW);
      expect(carried).toBeLessThan(2 * RECORD_WINDOW);
    }
  });

  it('a long meeting: the view holds the latest, the counts and totals cover everything', () => {
    const room = talk(50);
    const all = room.ctx.record;
    expect(all.turns).toHaveLength(50);
    for (const view of [projectTrainee(room.input(), 'p2'), projectLive(room.input(), 'observer')]) {
      // 50 − windowStart(50) = 50 − 32 = 18 carried, indexes 32 … 49.
      expect(view.record.turnCount).toBe(50);
      expect(view.record.statementCount).toBe(50);
      expect(view.record.turns).toEqual(all.turns.slice(32));
      expect(view.record.statements.map((s) => s.text)).toEqual(
        Array.from({ length: 18 }, (_, i) => `line ${32 + i}`),
      );
      // p2 spoke turns 0, 2, …, 48: 25 turns of 30 s each (the floor is given after the hand is raised).
      expect(view.record.speaking['p:p2']).toEqual({
        speakingMs: 25 * 30_000,
        turns: 25,
        overtimeMs: 0,
        pointsOfOrder: 0,
        cutOff: 0,
        statements: 25,
      });
      expect(view.record.speaking['p:p3']?.turns).toBe(25);
      expect(view.record.turnsByItem).toEqual({ talk: 50 });
    }
  });

  it('the view does not grow with the meeting: 100 more turns, the same size give or take a window', () => {
    const size = (turns: number) => JSON.stringify(projectTrainee(talk(turns).input(), 'p2')).length;
    const at48 = size(48); // windowStart(48) = 32: 16 of each carried
    const at148 = size(148); // windowStart(148) = 128: 20 of each carried
    // Turns and statements are all about the same size: 20 against 16 carried, whatever came before.
    expect(at148).toBeLessThan(at48 * 1.3);
    expect(at148).toBeGreaterThan(at48 * 0.9);
  });

  it('a new statement is an append in the patch, except when the window steps', () => {
    const room = talk(20);
    const before = projectLive(room.input(), 'trainee');
    room.advance(1).ok(seat('p2'), { type: 'hand.raise' });
    room.ok(seat('p1'), { type: 'floor.give' });
    room.advance(5).ok(seat('p2'), { type: 'statement.post', text: 'appended' });
    const after = projectLive(room.input(), 'trainee');
    const patch = diff(before, after) as { record: { statements: unknown } };
    expect(patch.record.statements).toEqual({ $append: [after.record.statements.at(-1)] });
  });

  it('NPC lines count as statements of the NPC, with no speaking time', () => {
    const room = talk(2);
    room.ok(OBSERVER, { type: 'npc.say', roleId: 'official', text: 'The office agrees.' });
    const view = projectLive(room.input(), 'facilitator');
    expect(view.record.speaking['npc:official']).toEqual({
      speakingMs: 0,
      turns: 0,
      overtimeMs: 0,
      pointsOfOrder: 0,
      cutOff: 0,
      statements: 1,
    });
  });
});

describe('older parts on request (recordPage)', () => {
  it('pages back from any index, and says where each page starts', () => {
    const room = talk(50);
    const view = projectLive(room.input(), 'trainee');
    const first = view.record.statementCount - view.record.statements.length; // 32
    const page = recordPage(room.ctx, 'statements', first, 20);
    expect(page).toMatchObject({ attempt: 1, list: 'statements', from: 12, count: 50 });
    expect(page.items.map((s) => (s as { text: string }).text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `line ${12 + i}`),
    );
    const rest = recordPage(room.ctx, 'statements', page.from, 100);
    expect([rest.from, rest.items.length]).toEqual([0, 12]);
    expect(recordPage(room.ctx, 'turns', 5, 3).items).toEqual(room.ctx.record.turns.slice(2, 5));
    expect(recordPage(room.ctx, 'turns', 999, 3).from).toBe(47); // clamped to the end
  });

  it('is the current attempt’s: after a retake, a fresh record', () => {
    const room = talk(3);
    room.ok(FACILITATOR, { type: 'meeting.end' });
    room.ok(FACILITATOR, { type: 'meeting.retake', cards: 'keep' });
    expect(recordPage(room.ctx, 'statements', 100, 100)).toMatchObject({ attempt: 2, count: 0, items: [] });
  });
});
