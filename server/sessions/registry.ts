// All sessions of this process: creating them, finding them by join code or
// token, restoring them after a restart. A session that cannot be restored
// (its log does not replay under the current rules, its scenario is gone,
// restoring it threw) is not started: it is kept aside as needing
// attention, with the reason stored with it, and every other session starts.

import { DEFAULT_TIME_ZONE } from '../../shared/meeting/minutes-format.ts';
import type { SessionProblem } from '../../shared/protocol/session-problems.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { Logger } from '../logger.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import { scenarioHash } from '../scenarios/scenario-hash.ts';
import type { SessionRow, Storage } from '../storage/storage.ts';
import { SYSTEM_CLOCK } from './clock.ts';
import type { HostDeps } from './host-types.ts';
import { SessionHost } from './session-host.ts';
import { hashToken, newId, newJoinCode, newToken, normalizeJoinCode, sameHash } from './tokens.ts';

export interface CreatedSession {
  host: SessionHost;
  joinCode: string;
  /** The guest experts' link secret; only its hash is kept. */
  observerToken: string;
}

/** A stored live session that is not running, and why. */
export interface UnavailableSession {
  row: SessionRow;
  problem: SessionProblem;
}

export class SessionRegistry {
  private readonly hosts = new Map<string, SessionHost>();
  private readonly unavailable = new Map<string, UnavailableSession>();

  constructor(
    private readonly storage: Storage,
    private readonly library: ScenarioLibrary,
    private readonly deps: HostDeps,
  ) {}

  /** Sessions hosted now. */
  get size(): number {
    return this.hosts.size;
  }

  get logger(): Logger {
    return this.deps.logger;
  }

  /** The zone times are shown in on every screen (TIME_ZONE). */
  get timeZone(): string {
    return this.deps.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** Sessions stopped after an error, waiting for a reload. */
  get failedCount(): number {
    let count = 0;
    for (const host of this.hosts.values()) if (host.failure) count++;
    return count;
  }

  /** Stored live sessions that could not be restored. */
  get attentionCount(): number {
    return this.unavailable.size;
  }

  /**
   * Brings every live session back after a start; returns how many run.
   * One that cannot be restored is kept aside (needsAttention) and the
   * others start normally.
   */
  restoreAll(): number {
    for (const row of this.storage.listSessions()) {
      if (row.status === 'live') this.restore(row);
    }
    return this.hosts.size;
  }

  /** Restores one stored session: its host, or (kept aside, stored) why not. */
  private restore(row: SessionRow): SessionProblem | undefined {
    const scenario = this.library.scenarioAt(row.scenarioId, row.scenarioVersion);
    let problem: SessionProblem;
    if (!scenario) problem = { kind: 'scenario_unavailable', scenarioId: row.scenarioId };
    else {
      try {
        const restored = SessionHost.restore(row, scenario, this.deps);
        if (restored.ok) {
          this.unavailable.delete(row.id);
          this.hosts.set(row.id, restored.host);
          if (row.attention !== null) this.storage.setSessionAttention(row.id, null);
          return undefined;
        }
        problem = restored.problem;
      } catch (error) {
        this.logger.error({ err: error, session: row.id }, 'restoring the session threw');
        problem = { kind: 'restore_failed', message: error instanceof Error ? error.message : String(error) };
      }
    }
    this.unavailable.set(row.id, { row, problem });
    this.storage.setSessionAttention(row.id, JSON.stringify(problem));
    this.logger.warn(
      { session: row.id, scenario: row.scenarioId, problem },
      'session needs attention: not restored; the others start normally',
    );
    return problem;
  }

  /** Stored live sessions that are not running, and why (for the instructor's list). */
  needsAttention(): UnavailableSession[] {
    return [...this.unavailable.values()];
  }

  unavailableSession(id: string): UnavailableSession | undefined {
    return this.unavailable.get(id);
  }

  /**
   * The instructor's reload: a failed session is rebuilt from storage; one
   * that needed attention is tried again (e.g. after its old scenario file
   * was put back and the server restarted, or after a fix).
   */
  async reload(id: string): Promise<{ ok: true } | { ok: false; problem: SessionProblem } | undefined> {
    const host = this.hosts.get(id);
    if (host) return host.recover();
    const aside = this.unavailable.get(id);
    if (!aside) return undefined;
    const row = this.storage.getSession(id) ?? aside.row;
    const problem = this.restore(row);
    return problem ? { ok: false, problem } : { ok: true };
  }

  /** `version`: the stored studio version it is created from (undefined: the shipped file), kept for good. */
  create(scenario: Scenario, version?: number): CreatedSession {
    const observerToken = newToken();
    let joinCode = newJoinCode();
    while (this.storage.findSessionByJoinCode(joinCode)) joinCode = newJoinCode();
    const row: SessionRow = {
      id: newId(),
      scenarioId: scenario.id,
      joinCode,
      observerTokenHash: hashToken(observerToken),
      // The facilitator's console opens with an account since accounts came
      // (migration 3): no facilitator link is made, and the column stays empty.
      facilitatorTokenHash: '',
      createdAt: (this.deps.clock ?? SYSTEM_CLOCK).now(),
      status: 'live',
      title: JSON.stringify(scenario.title),
      scenarioHash: scenarioHash(scenario),
      attention: null,
      scenarioVersion: version ?? null,
    };
    this.storage.createSession(row);
    const host = SessionHost.create(row, scenario, this.deps);
    this.hosts.set(row.id, host);
    return { host, joinCode, observerToken };
  }

  get(id: string): SessionHost | undefined {
    return this.hosts.get(id);
  }

  all(): SessionHost[] {
    return [...this.hosts.values()];
  }

  byJoinCode(code: string): SessionHost | undefined {
    const row = this.storage.findSessionByJoinCode(normalizeJoinCode(code));
    return row && row.status === 'live' ? this.hosts.get(row.id) : undefined;
  }

  /** A new trainee: a participant in the meeting, and a resume token only they hold. */
  async joinTrainee(
    host: SessionHost,
    name: string,
    /** Runs once the seat is stored, before the meeting hears of it (a roster join links the seat here). */
    beforeJoin?: (participantId: string) => void,
  ): Promise<{ participantId: string; resumeToken: string }> {
    const participantId = newId();
    const resumeToken = newToken();
    this.storage.addSeat({
      sessionId: host.id,
      participantId,
      name,
      resumeTokenHash: hashToken(resumeToken),
      createdAt: (this.deps.clock ?? SYSTEM_CLOCK).now(),
    });
    beforeJoin?.(participantId);
    await host.join(participantId, name);
    return { participantId, resumeToken };
  }

  byResumeToken(token: string): { host: SessionHost; participantId: string; name: string } | undefined {
    const seat = this.storage.findSeatByResumeHash(hashToken(token));
    const host = seat && this.hosts.get(seat.sessionId);
    return seat && host ? { host, participantId: seat.participantId, name: seat.name } : undefined;
  }

  /** The session whose observer link `token` is. */
  checkToken(sessionId: string, kind: 'observer', token: string): SessionHost | undefined {
    const host = this.hosts.get(sessionId);
    if (!host || kind !== 'observer') return undefined;
    return sameHash(hashToken(token), host.row.observerTokenHash) ? host : undefined;
  }

  /**
   * Why a stored session a credential belongs to is not running (so its
   * people are told that, not that their link is wrong); undefined if it runs or is unknown.
   */
  problemFor(
    credential:
      | { kind: 'observer'; sessionId: string; token: string }
      /** An account's screen: the caller has checked that the account may open it. */
      | { kind: 'session'; sessionId: string }
      | { kind: 'trainee'; resumeToken: string }
      | { kind: 'code'; code: string },
  ): SessionProblem | undefined {
    if (credential.kind === 'trainee') {
      const seat = this.storage.findSeatByResumeHash(hashToken(credential.resumeToken));
      return seat ? this.unavailable.get(seat.sessionId)?.problem : undefined;
    }
    if (credential.kind === 'code') {
      const row = this.storage.findSessionByJoinCode(normalizeJoinCode(credential.code));
      return row ? this.unavailable.get(row.id)?.problem : undefined;
    }
    const aside = this.unavailable.get(credential.sessionId);
    if (!aside) return undefined;
    if (credential.kind === 'session') return aside.problem;
    return sameHash(hashToken(credential.token), aside.row.observerTokenHash) ? aside.problem : undefined;
  }

  remove(id: string): void {
    this.hosts.get(id)?.close();
    this.hosts.delete(id);
    this.unavailable.delete(id);
    this.storage.setSessionStatus(id, 'deleted');
  }

  stopAll(): void {
    for (const host of this.hosts.values()) host.stop();
    this.hosts.clear();
  }
}
