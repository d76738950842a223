// The one wake-up a session host keeps armed: for its meeting's next
// deadline, on its clock (clock.ts). Re-armed after every change, since a
// command can move, add or clear a deadline; XState's own delayed events
// do not survive a snapshot (xstate#4915), so deadlines live in context.
import type { Clock } from './clock.ts';

export class DeadlineTimer {
  /** Cancels the wake-up armed now, if one is. */
  private cancelArmed: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: () => void,
  ) {}

  /** Wakes once at `due` (replacing any earlier wake-up); `null`: no deadline, no wake-up. */
  armAt(due: number | null): void {
    this.cancel();
    if (due === null) return;
    this.cancelArmed = this.clock.wakeAt(due, () => {
      this.cancelArmed = undefined;
      this.onDue();
    });
  }

  cancel(): void {
    this.cancelArmed?.();
    this.cancelArmed = undefined;
  }
}
