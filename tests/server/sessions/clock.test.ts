// The hand-moved clock the recovery test runs the server on
// (tests/support/manual-clock.ts): what it wakes, when, and at what time.
import { describe, expect, it } from 'vitest';
import { SYSTEM_CLOCK } from '../../../server/sessions/clock.ts';
import { ManualClock } from '../../support/manual-clock.ts';

describe('ManualClock', () => {
  it('wakes what falls due on the way, in time order, each with the clock at its own time', () => {
    const clock = new ManualClock(1_000);
    const woke: [string, number][] = [];
    clock.wakeAt(1_300, () => woke.push(['c', clock.now()]));
    clock.wakeAt(1_100, () => woke.push(['a', clock.now()]));
    clock.wakeAt(1_300, () => woke.push(['d', clock.now()])); // same time: in the order armed
    clock.wakeAt(2_000, () => woke.push(['late', clock.now()]));
    expect(clock.advanceTo(1_099)).toBe(0);
    expect(clock.advanceTo(1_500)).toBe(3);
    expect(woke).toEqual([
      ['a', 1_100],
      ['c', 1_300],
      ['d', 1_300],
    ]);
    expect(clock.now()).toBe(1_500);
    expect(clock.nextWakeUp).toBe(2_000);
  });

  it('honours a wake-up armed while waking when it falls within the same move, and not one beyond', () => {
    const clock = new ManualClock(0);
    const woke: number[] = [];
    clock.wakeAt(10, () => {
      woke.push(clock.now());
      clock.wakeAt(25, () => woke.push(clock.now()));
      clock.wakeAt(40, () => woke.push(clock.now()));
    });
    expect(clock.advanceTo(30)).toBe(2);
    expect(woke).toEqual([10, 25]);
    expect(clock.nextWakeUp).toBe(40);
  });

  it('a cancelled wake-up never runs', () => {
    const clock = new ManualClock(0);
    let ran = false;
    const cancel = clock.wakeAt(5, () => {
      ran = true;
    });
    cancel();
    expect(clock.advanceTo(10)).toBe(0);
    expect(ran).toBe(false);
    expect(clock.nextWakeUp).toBeUndefined();
  });

  it('wakes one armed for a time already past on the next turn of the loop, without moving', async () => {
    const clock = new ManualClock(500);
    const woke = new Promise<number>((resolve) => clock.wakeAt(100, () => resolve(clock.now())));
    expect(await woke).toBe(500);
  });

  it('never goes back', () => {
    const clock = new ManualClock(500);
    expect(() => clock.advanceTo(499)).toThrow(/only goes forward/);
    expect(clock.now()).toBe(500);
  });
});

describe('SYSTEM_CLOCK', () => {
  it('reads Date.now and wakes on a real timer, which can be cancelled', async () => {
    const before = Date.now();
    expect(SYSTEM_CLOCK.now()).toBeGreaterThanOrEqual(before);
    let cancelledRan = false;
    SYSTEM_CLOCK.wakeAt(Date.now(), () => {
      cancelledRan = true;
    })();
    // Armed after the cancelled one for the same time: when it has run, the other would have too.
    await new Promise<void>((resolve) => SYSTEM_CLOCK.wakeAt(Date.now(), resolve));
    expect(cancelledRan).toBe(false);
  });
});
