// Wrong passwords are slowed, then locked for a while: per account (kept in
// the accounts table, so a restart or a second process sees it and the
// command-line reset clears it) and per address (kept here, in memory). The
// clock is whatever the caller passes: tests move it instead of sleeping.

export interface ThrottlePolicy {
  /** Wrong passwords allowed before the next try must wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures after which signing in is refused for lockMs. */
  lockAfter: number;
  lockMs: number;
}

export interface FailureRecord {
  failures: number;
  lastFailedAt: number | null;
  lockedUntil: number | null;
}

export type Verdict = { ok: true } | { ok: false; reason: 'locked' | 'slow_down'; retryAfterMs: number };

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  lockAfter: 10,
  lockMs: 15 * 60_000,
};

/** An address serves a whole classroom behind one router: more room before it slows. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  lockAfter: 50,
  lockMs: 15 * 60_000,
};

/** How long after `failures` wrong passwords the next try must wait (0: at once). */
export function delayAfter(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.freeFailures));
}

/** Whether a try may be checked now; a refused try is not checked at all (so it cannot guess). */
export function verdict(policy: ThrottlePolicy, record: FailureRecord, now: number): Verdict {
  if (record.lockedUntil !== null && now < record.lockedUntil)
    return { ok: false, reason: 'locked', retryAfterMs: record.lockedUntil - now };
  const wait = delayAfter(policy, record.failures);
  if (wait > 0 && record.lastFailedAt !== null && now < record.lastFailedAt + wait)
    return { ok: false, reason: 'slow_down', retryAfterMs: record.lastFailedAt + wait - now };
  return { ok: true };
}

/** The record after one more wrong password at `now`. */
export function afterFailure(policy: ThrottlePolicy, record: FailureRecord, now: number): FailureRecord {
  const failures = record.failures + 1;
  return {
    failures,
    lastFailedAt: now,
    lockedUntil: failures >= policy.lockAfter ? now + policy.lockMs : record.lockedUntil,
  };
}

/** Failures per address, forgotten once an address has been quiet for `forgetAfterMs`. */
export class AddressThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    readonly policy: ThrottlePolicy = ADDRESS_POLICY,
    private readonly forgetAfterMs = 60 * 60_000,
    private readonly maxAddresses = 10_000,
  ) {}

  verdict(address: string, now: number): Verdict {
    return verdict(this.policy, this.current(address, now), now);
  }

  failed(address: string, now: number): void {
    this.records.set(address, afterFailure(this.policy, this.current(address, now), now));
    if (this.records.size > this.maxAddresses) this.prune(now);
  }

  private current(address: string, now: number): FailureRecord {
    const record = this.records.get(address);
    if (!record || this.stale(record, now)) return { failures: 0, lastFailedAt: null, lockedUntil: null };
    return record;
  }

  private stale(record: FailureRecord, now: number): boolean {
    const quietSince = Math.max(record.lastFailedAt ?? 0, record.lockedUntil ?? 0);
    return now - quietSince > this.forgetAfterMs;
  }

  private prune(now: number): void {
    for (const [address, record] of this.records) if (this.stale(record, now)) this.records.delete(address);
    // Still full (a flood of fresh addresses): drop the oldest rather than grow without bound.
    for (const address of this.records.keys()) {
      if (this.records.size <= this.maxAddresses) break;
      this.records.delete(address);
    }
  }
}
