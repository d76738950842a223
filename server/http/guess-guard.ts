// Guessing codes from one network address. The per-person lock stops anyone
// guessing one person's personal code, but not one guess each across the
// whole roster (thousands of people, four wrong tries each before a lock), nor
// guessing join codes to see a cohort's list. So every failed code check from
// an address is counted, and past GUESSES_PER_WINDOW within GUESS_WINDOW_MS the
// address is answered 429 before any person is looked up or code compared.
// A class's phones share one address behind the room's Wi-Fi, so the limit is
// far above a class's typing mistakes.
import type { Request, Response } from 'express';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';

export const GUESSES_PER_WINDOW = 60;
export const GUESS_WINDOW_MS = 15 * 60_000;
/** Addresses remembered at most (the oldest go first). */
const MAX_ADDRESSES = 10_000;

export class GuessGuard {
  /** Each address's failed checks within the window, oldest first. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limit = GUESSES_PER_WINDOW,
    private readonly windowMs = GUESS_WINDOW_MS,
  ) {}

  private recent(address: string, now: number): number[] {
    const kept = (this.failures.get(address) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }

  /** True when the request may go on; otherwise answers 429 with when to try again. */
  admit(req: Request, res: Response): boolean {
    const now = this.now();
    const recent = this.recent(req.ip ?? '', now);
    if (recent.length < this.limit) return true;
    const retryAfterMs = (recent[recent.length - this.limit] ?? now) + this.windowMs - now;
    res
      .status(429)
      .set('retry-after', String(Math.ceil(retryAfterMs / 1000)))
      .json(
        errorBody(
          ERROR_CODES.rateLimited,
          'too many wrong codes from this network: wait a while and try again, or ask the instructor',
          { retryAfterMs },
        ),
      );
    return false;
  }

  /** A code check from this request's address failed. */
  failed(req: Request): void {
    const address = req.ip ?? '';
    const now = this.now();
    const recent = this.recent(address, now);
    this.failures.delete(address);
    this.failures.set(address, [...recent, now]);
    if (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value as string);
  }
}
