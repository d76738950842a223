// The time a session host reads and the wake-up it arms for the next
// deadline. Production runs on the system clock; tests that are about time
// (a deadline that must survive a restart) inject a clock they move by hand
// (tests/support/manual-clock.ts), so nothing depends on how fast the
// machine happens to be.

export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  /**
   * Runs `wake` once this clock reaches `at` (soon, if it already has).
   * Returns the function that cancels it. It may wake a little early: the
   * caller checks what is due against now().
   */
  wakeAt(at: number, wake: () => void): () => void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  wakeAt(at, wake) {
    // Node timers are capped at ~24.8 days; meetings are not that long.
    const timer = setTimeout(wake, Math.max(0, at - Date.now()));
    // A pending deadline does not keep the process alive on shutdown.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
