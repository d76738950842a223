// A clock that moves only when a test says so (server/sessions/clock.ts):
// advancing it wakes, in order of their times, every wake-up that falls
// due on the way, each with the clock set to its own time, as a real clock
// passing through would. Wake-ups armed while waking are honoured in the
// same pass when they fall within it; one armed for a time already past
// wakes on the next turn of the event loop.
import type { Clock } from '../../server/sessions/clock.ts';

interface WakeUp {
  at: number;
  order: number;
  wake: () => void;
}

export class ManualClock implements Clock {
  private time: number;
  private readonly pending = new Set<WakeUp>();
  private armed = 0;
  private advancing = false;

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  wakeAt(at: number, wake: () => void): () => void {
    const wakeUp = { at, order: this.armed++, wake };
    this.pending.add(wakeUp);
    // Already due (a deadline that passed while a server was down): on the
    // next turn of the loop, as the system clock's zero-length timer would.
    if (at <= this.time && !this.advancing)
      setImmediate(() => {
        if (this.pending.delete(wakeUp)) wakeUp.wake();
      });
    return () => this.pending.delete(wakeUp);
  }

  /** The earliest pending wake-up's time (undefined: none armed). */
  get nextWakeUp(): number | undefined {
    return this.next()?.at;
  }

  /** Moves the clock to `to` (never back), waking what falls due on the way; returns how many woke. */
  advanceTo(to: number): number {
    if (!Number.isFinite(to) || to < this.time)
      throw new Error(`the clock only goes forward: ${to} is before ${this.time}`);
    this.advancing = true;
    let woke = 0;
    try {
      for (let due = this.next(); due && due.at <= to; due = this.next()) {
        this.pending.delete(due);
        this.time = Math.max(this.time, due.at);
        woke++;
        due.wake();
      }
    } finally {
      this.advancing = false;
    }
    this.time = to;
    return woke;
  }

  private next(): WakeUp | undefined {
    let first: WakeUp | undefined;
    for (const w of this.pending)
      if (!first || w.at < first.at || (w.at === first.at && w.order < first.order)) first = w;
    return first;
  }
}
