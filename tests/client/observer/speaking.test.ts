// The observer's speaking bars as data (client/src/observer/speaking.ts): the
// attempt's recorded turns plus the one running now, and each bar's share of
// the longest. Figures worked out by hand below.
import { describe, expect, it } from 'vitest';
import { MIN_TRACK_MS, speakingBars } from '../../../client/src/observer/speaking.ts';
import { projectLive } from '../../../shared/views/live.ts';
import { seat, startedRoom } from '../../support/views-fixture.ts';

/** Open floor (90 s a speaker): p2 speaks 30 s and yields; p3 has held the floor for 100 s. */
function room() {
  const r = startedRoom().goto('talk');
  r.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' });
  r.advance(30).ok(seat('p2'), { type: 'floor.yield' });
  r.ok(seat('p3'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' });
  r.advance(100);
  return r;
}

describe('speakingBars', () => {
  it('adds the running turn to the recorded ones, with its time over, and scales to the longest', () => {
    const r = room();
    const bars = speakingBars(r.scenario, projectLive(r.input(), 'observer'), r.now);
    const by = new Map(bars.map((b) => [b.key, b]));
    // p2: one recorded turn of 30 s. The longest is p3's 100 s, so the track is 100 s.
    expect(by.get('p:p2')).toMatchObject({ ms: 30_000, turns: 1, overtimeMs: 0, withinPct: 30, overPct: 0 });
    // p3: 100 s so far against 90 s allowed: 90 s within, 10 s over, one turn, speaking now.
    expect(by.get('p:p3')).toMatchObject({
      ms: 100_000,
      turns: 1,
      overtimeMs: 10_000,
      withinPct: 90,
      overPct: 10,
      speaking: true,
    });
    // Every card holder has a row, the one without a card none; nobody else has spoken.
    expect(bars.map((b) => b.key)).toEqual(['p:p1', 'p:p2', 'p:p3', 'p:p4', 'p:p5', 'p:p6']);
    expect(by.get('p:p1')).toMatchObject({ ms: 0, turns: 0, withinPct: 0, speaking: false });
  });

  it('keeps the track at least a minute long, so a first short turn does not fill it', () => {
    const r = startedRoom().goto('talk');
    r.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' }).advance(15);
    const bars = speakingBars(r.scenario, projectLive(r.input(), 'observer'), r.now);
    expect(MIN_TRACK_MS).toBe(60_000);
    // 15 s of 60 s.
    expect(bars.find((b) => b.key === 'p:p2')).toMatchObject({ ms: 15_000, withinPct: 25, overPct: 0 });
  });

  it('shows an NPC card once it has had the floor, never one that only said a line', () => {
    const r = startedRoom(); // the opening statement lists the chair and the official
    r.ok(seat('p1'), { type: 'floor.give', to: { kind: 'npc', roleId: 'official' } }).advance(20);
    const live = projectLive(r.input(), 'observer');
    const npc = speakingBars(r.scenario, live, r.now).find((b) => b.npc);
    expect(npc).toMatchObject({ key: 'npc:official', ms: 20_000, turns: 1, speaking: true });
    const quiet = startedRoom();
    quiet.ok({ kind: 'observer', id: 'o1' }, { type: 'npc.say', roleId: 'official', text: 'A word.' });
    const bars = speakingBars(quiet.scenario, projectLive(quiet.input(), 'observer'), quiet.now);
    expect(bars.some((b) => b.npc)).toBe(false);
  });
});
