// All sessions of this process: creating them, finding them by join code or
// token, restoring them after a restart.
import type { Scenario } from '../../shared/scenario/index.ts';
import type { Logger } from '../logger.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { SessionRow, Storage } from '../storage/storage.ts';
import { type HostDeps, SessionHost } from './session-host.ts';
import { hashToken, newId, newJoinCode, newToken, normalizeJoinCode, sameHash } from './tokens.ts';

export interface CreatedSession {
  host: SessionHost;
  joinCode: string;
  /** The guest experts' link secret; only its hash is kept. */
  observerToken: string;
}

export class SessionRegistry {
  private readonly hosts = new Map<string, SessionHost>();

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

  /** Brings every live session back after a start; returns how many. */
  restoreAll(): number {
    for (const row of this.storage.listSessions()) {
      if (row.status !== 'live') continue;
      const scenario = this.library.scenario(row.scenarioId);
      if (!scenario) {
        this.logger.error(
          { session: row.id, scenario: row.scenarioId },
          'cannot restore session: its scenario is missing or invalid',
        );
        continue;
      }
      this.hosts.set(row.id, SessionHost.restore(row, scenario, this.deps));
    }
    return this.hosts.size;
  }

  create(scenario: Scenario): CreatedSession {
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
      createdAt: (this.deps.now ?? Date.now)(),
      status: 'live',
      title: JSON.stringify(scenario.title),
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
  ): Promise<{ participantId: string; resumeToken: string }> {
    const participantId = newId();
    const resumeToken = newToken();
    this.storage.addSeat({
      sessionId: host.id,
      participantId,
      name,
      resumeTokenHash: hashToken(resumeToken),
      createdAt: (this.deps.now ?? Date.now)(),
    });
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

  remove(id: string): void {
    this.hosts.get(id)?.close();
    this.hosts.delete(id);
    this.storage.setSessionStatus(id, 'deleted');
  }

  stopAll(): void {
    for (const host of this.hosts.values()) host.stop();
    this.hosts.clear();
  }
}
