// One live session as the server hosts it: its state in memory
// (session-state.ts: the meeting and its coaching), its log, its clock, and
// the group commit that stores every accepted command before it is
// acknowledged or broadcast; a refused one changes nothing. Lifecycle hooks
// for the transport: subscribe() for changes, presence for who is online.
//
// Failures are contained here: an exception in this session's command
// handling, timer, commit callback or listeners (the fan-out) marks this
// session failed (fail()): its timer stops, its commands are answered
// session/failed, its listeners hear 'failed' (to tell its clients), and
// every other session goes on. recover() rebuilds it from storage.
import type { DebriefInput } from '../../shared/debrief/build.ts';
import { NOTHING_RELEASED, type ScoreRelease } from '../../shared/debrief/release.ts';
import { ENGINE_VERSION } from '../../shared/log/engine-version.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import type { Replayed } from '../../shared/log/replay.ts';
import type { Actor } from '../../shared/meeting/commands.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/meeting/minutes-format.ts';
import type { AnyCommand, CommandAck } from '../../shared/protocol/messages.ts';
import type { FailurePoint, SessionProblem } from '../../shared/protocol/session-problems.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { LiveInput } from '../../shared/views/live-input.ts';
import { scenarioHash } from '../scenarios/scenario-hash.ts';
import { InlineWriter } from '../storage/batch-writer.ts';
import { CommitQueue, type Committed } from '../storage/commit-queue.ts';
import type { CommandReceipt, SessionRow, SnapshotRow } from '../storage/storage.ts';
import { type Clock, SYSTEM_CLOCK } from './clock.ts';
import { DeadlineTimer } from './deadline-timer.ts';
import { ExactlyOnce } from './exactly-once.ts';
import { type Failure, replayProblem, SESSION_FAILED } from './failures.ts';
import type { Change, HostDeps, Sender } from './host-types.ts';
import { PresenceCount } from './presence-count.ts';
import { PROJECTION, type Projection } from './projection.ts';
import { RosterNaming } from './roster-naming.ts';
import { SessionLog } from './session-log.ts';
import { type Outcome, type Restored, SessionState } from './session-state.ts';

const SYSTEM: Actor = { kind: 'system' };

export class SessionHost {
  private readonly sessionLog: SessionLog;
  private readonly timer: DeadlineTimer;
  private readonly exactlyOnce: ExactlyOnce;
  private readonly listeners = new Set<(change: Change) => void>();
  private readonly presence = new PresenceCount();
  private readonly observerPresence = new PresenceCount();
  private readonly clock: Clock;
  private readonly commits: CommitQueue;
  /** Content hash of the scenario this session runs (stored with its snapshots). */
  readonly scenarioHash: string;
  /** How this session's views are projected (PROJECTION, unless a test wrapped it). */
  readonly projection: Projection;
  private failed: Failure | undefined;

  private constructor(
    readonly row: SessionRow,
    private state: SessionState,
    seq: number,
    private readonly deps: HostDeps,
    tail: readonly LogEntry[] = [],
  ) {
    this.sessionLog = new SessionLog(
      seq,
      tail,
      (afterSeq, toSeq) => deps.storage.readLog(row.id, afterSeq, toSeq),
      deps.snapshotEvery,
    );
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.timer = new DeadlineTimer(this.clock, () => this.guard('timer', () => this.tick()));
    this.exactlyOnce = new ExactlyOnce(deps.storage, row.id);
    const { rosterNames } = deps;
    this.naming = new RosterNaming(rosterNames && (() => rosterNames(row.id)));
    this.commits = deps.commits ?? new CommitQueue(new InlineWriter(deps.storage), deps.logger);
    this.scenarioHash = scenarioHash(state.scenario);
    this.projection = deps.wrapProjection?.(row.id, PROJECTION) ?? PROJECTION;
    this.arm();
  }

  static create(row: SessionRow, scenario: Scenario, deps: HostDeps): SessionHost {
    return new SessionHost(row, SessionState.fresh(row.id, scenario), 0, deps);
  }

  /**
   * Rebuilds a session from storage: its latest snapshot taken under the
   * current engine and scenario and the log after it, or (none such) its
   * whole log, replayed strictly; timers re-arm from the deadlines in the
   * context. A log entry the current rules refuse: not started, and why.
   */
  static restore(
    row: SessionRow,
    scenario: Scenario,
    deps: HostDeps,
  ): { ok: true; host: SessionHost } | { ok: false; problem: SessionProblem } {
    const restored = SessionState.restore(deps.storage, row.id, scenario, scenarioHash(scenario));
    if (!restored.ok) return { ok: false, problem: replayProblem(restored.refusal) };
    const host = new SessionHost({ ...row }, restored.state, restored.seq, deps, restored.tail);
    host.checkpoint(restored);
    return { ok: true, host };
  }

  /**
   * After a log was checked under new versions (or a session stored before
   * versions existed): record the scenario it now runs, and snapshot it
   * under the current versions so the next restore need not check again.
   */
  private checkpoint(restored: Extract<Restored, { ok: true }>): void {
    if (this.row.scenarioHash === this.scenarioHash && !restored.checked) return;
    this.deps.logger.info(
      { session: this.row.id, entries: restored.tail.length, scenarioHash: this.scenarioHash },
      'session log checked under the current rules and scenario',
    );
    this.deps.storage.setSessionScenarioHash(this.row.id, this.scenarioHash);
    this.row.scenarioHash = this.scenarioHash;
    if (this.lastSeq > 0) this.snapshot();
  }

  get scenario(): Scenario {
    return this.state.scenario;
  }

  /**
   * The session as it stood just after `seq` (for the debrief's "state at
   * this moment"): from the nearest snapshot at or before it, so the cost
   * does not grow with the meeting. Throws if the stored log no longer replays.
   */
  replayTo(seq: number): Replayed {
    const outcome = SessionState.replayTo(
      this.deps.storage,
      this.row.id,
      this.scenario,
      this.scenarioHash,
      seq,
      (afterSeq, toSeq) => this.sessionLog.range(afterSeq, toSeq),
    );
    if (!outcome.ok) {
      outcome.replayed.meeting.stop();
      const { seq: at, code, kind, message } = outcome.refusal;
      throw new Error(
        `log entry ${at} of session ${this.row.id} does not replay (${code ?? kind}): ${message}`,
      );
    }
    return outcome;
  }

  /** Why this session stopped, while it is stopped after an error. */
  get failure(): Failure | undefined {
    return this.failed;
  }

  /**
   * Stops this session after an exception in its own handling (`where`):
   * logged with the session and the stack, its timer stopped, its listeners
   * told ('failed'). Every other session goes on. Idempotent.
   */
  fail(where: FailurePoint, error: unknown): void {
    this.deps.logger.error(
      { err: error, session: this.row.id, scenario: this.row.scenarioId, where },
      'session failed: stopped until the instructor reloads it',
    );
    if (this.failed) return;
    this.failed = {
      kind: 'failed',
      where,
      message: error instanceof Error ? error.message : String(error),
      at: this.now(),
    };
    this.timer.cancel();
    this.notify('failed');
  }

  /** Runs `work` for this session: an exception in it stops this session only. */
  guard<T>(where: FailurePoint, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.fail(where, error);
      return undefined;
    }
  }

  /**
   * The instructor's reload after a failure: waits for the writes in flight,
   * rebuilds the session from storage (what was acknowledged, nothing
   * else), and runs it again; its listeners hear 'recovered'. If its log no
   * longer replays, it stays failed and the answer says why.
   */
  async recover(): Promise<{ ok: true } | { ok: false; problem: SessionProblem }> {
    if (!this.failed) return { ok: true };
    return this.rebuild();
  }

  /**
   * Rebuilds the session from storage whether or not it failed: after a
   * person's deletion, what it holds in memory (their name, their words) is
   * read again from the log, where it no longer opens (docs/roster.md).
   */
  async rebuild(): Promise<{ ok: true } | { ok: false; problem: SessionProblem }> {
    await this.commits.drain();
    let restored: Restored;
    try {
      restored = SessionState.restore(this.deps.storage, this.row.id, this.scenario, this.scenarioHash);
    } catch (error) {
      this.deps.logger.error({ err: error, session: this.row.id }, 'reload failed');
      return { ok: false, problem: { kind: 'restore_failed', message: String(error) } };
    }
    if (!restored.ok) return { ok: false, problem: replayProblem(restored.refusal) };
    this.swapIn(restored);
    // The roster names too: a deleted person's seat is no one's now.
    this.refreshRosterNames();
    this.failed = undefined;
    this.deps.logger.info({ session: this.row.id, seq: this.lastSeq }, 'session reloaded from storage');
    this.arm();
    this.notify('recovered');
    return { ok: true };
  }

  private readonly naming: RosterNaming;

  /** Reads the roster names of linked seats again (after a roster trainee joined). */
  refreshRosterNames(): void {
    this.naming.refresh();
  }

  /** The context as people see it: roster seats under their roster names. */
  withNames<C extends { participants: Record<string, { name: string }> }>(context: C): C {
    return this.naming.apply(context);
  }

  debriefInput(): DebriefInput {
    const { meeting, coaching } = this.state;
    return {
      scenario: this.scenario,
      context: this.withNames(meeting.context),
      state: meeting.state,
      coaching,
      log: this.log(0),
      timeZone: this.timeZone,
      release: this.release,
    };
  }

  /** Which attempts' scores and plan items its trainees may see. */
  get release(): ScoreRelease {
    return this.deps.releases?.of(this.id) ?? NOTHING_RELEASED;
  }

  /**
   * The instructor releases the scoring of every attempt so far to the
   * trainees; their open debriefs are told to ask again.
   */
  releaseScores(by: string): ScoreRelease {
    if (!this.deps.releases) throw new Error('this server keeps no score releases');
    const release = this.deps.releases.release(this.id, this.context.attempt, by, this.now());
    this.notify('released');
    return release;
  }

  get timeZone(): string {
    return this.deps.timeZone ?? DEFAULT_TIME_ZONE;
  }

  get id(): string {
    return this.row.id;
  }

  /** The session's clock (tests drive it by hand). */
  get time(): number {
    return this.now();
  }

  get lastSeq(): number {
    return this.sessionLog.lastSeq;
  }

  get context() {
    return this.state.meeting.context;
  }

  /** The machine's state path, e.g. "meeting.running.floor.speaking". */
  get machineState(): string {
    return this.state.meeting.state;
  }

  liveInput(): LiveInput {
    return {
      scenario: this.scenario,
      meeting: {
        seq: this.lastSeq,
        state: this.state.meeting.state,
        context: this.withNames(this.state.meeting.context),
      },
      coaching: this.state.coaching,
      online: this.presence.ids(),
      observersOnline: this.observerPresence.ids(),
      now: this.now(),
    };
  }

  /** Log entries after `afterSeq`: recent ones from memory, older ones from storage (log-tail.ts). */
  log(afterSeq = 0): LogEntry[] {
    return this.sessionLog.after(afterSeq);
  }

  /** One log entry, from memory or (older) storage, without reading the rest. */
  entry(seq: number): LogEntry | undefined {
    return seq > 0 ? this.sessionLog.range(seq - 1, seq)[0] : undefined;
  }

  /**
   * Changes when the session is rebuilt from storage (its log may then
   * differ after the stored part): indexes over the log start again.
   */
  get logGeneration(): object {
    return this.sessionLog.generation;
  }

  /** Entries after this seq are in memory. */
  get logFloor(): number {
    return this.sessionLog.memoryFloor;
  }

  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called after every change: new log entries (commands, ticks) or presence. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Bumped whenever a trainee comes online or goes offline (presence is shown, not logged). */
  get presenceVersion(): number {
    return this.presence.version;
  }

  /** Bumped when an observer connects or leaves: only the single-sided screen's views show it. */
  get observerPresenceVersion(): number {
    return this.observerPresence.version;
  }

  setOnline(participantId: string, online: boolean): void {
    if (this.presence.set(participantId, online)) this.notify('presence');
  }

  setObserverOnline(observerId: string, online: boolean): void {
    if (this.observerPresence.set(observerId, online)) this.notify('presence');
  }

  /** Seats a new trainee (the server's participant.join); resolves once stored. */
  join(participantId: string, name: string): Promise<void> {
    if (this.failed) return Promise.reject(new Error(SESSION_FAILED.message));
    return new Promise((resolve, reject) => {
      this.commit(
        this.state.applyMeeting(SYSTEM, { type: 'participant.join', participantId, name }, this.now()),
        undefined,
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  observerJoined(observerId: string, name: string): void {
    if (this.failed) return;
    this.commit(this.state.applyCoaching(SYSTEM, { type: 'observer.join', observerId, name }, this.now()));
  }

  tipDelivered(tipId: string, participantId: string): void {
    if (this.failed) return;
    const tip = this.state.coaching.tips.find((t) => t.id === tipId);
    if (!tip || tip.receipts[participantId]?.deliveredAt !== undefined) return;
    this.commit(
      this.state.applyCoaching(SYSTEM, { type: 'tip.delivered', tipId, participantId }, this.now()),
    );
  }

  /**
   * Applies a client's command once: a retried `cid` gets the first answer
   * again. `reply` is called once the command is stored (or refused).
   */
  execute(sender: Sender, cid: string, command: AnyCommand, reply: (ack: CommandAck) => void): void {
    if (this.failed) {
      reply({ ok: false, error: SESSION_FAILED });
      return;
    }
    try {
      this.run(sender, cid, command, reply);
    } catch (error) {
      this.fail('command', error);
      reply({ ok: false, error: SESSION_FAILED });
    }
  }

  private run(sender: Sender, cid: string, command: AnyCommand, reply: (ack: CommandAck) => void): void {
    if (this.exactlyOnce.answeredBefore(sender.id, cid, reply)) return;
    const outcome = this.state.apply(sender.actor, command, this.now());
    if (!outcome.ok) {
      // Refused, but a clock tick that fell due before it is still stored.
      this.commit(outcome);
      reply({ ok: false, error: outcome.error });
      return;
    }
    const ack: CommandAck = { ok: true, seq: this.lastSeq + outcome.entries.length };
    const { receipt, settle } = this.exactlyOnce.begin(sender.id, cid, ack, reply);
    this.commit(outcome, receipt, settle);
  }

  /** The clock: applies whatever has fallen due. */
  tick(): void {
    if (this.failed) return;
    const entry = this.state.tick(this.now());
    if (entry) {
      this.commit({ ok: true, entries: [entry] });
    } else if ((this.state.meeting.nextDeadline() ?? Number.POSITIVE_INFINITY) > this.now()) {
      this.arm(); // woke early (timers may fire a little before time)
    }
  }

  /** Deleted: listeners hear of it once more (to tell their clients), then the session stops. */
  close(): void {
    this.closed = true;
    this.notify('closed');
    this.stop();
  }

  stop(): void {
    this.timer.cancel();
    this.state.stop();
    this.listeners.clear();
  }

  // --- internals ---

  /**
   * Numbers the entries and hands them to the group commit. Memory moves on
   * at once (the next command is checked against it); acknowledgements and
   * broadcasts wait until the entries are on disk. If the write fails, the
   * session is rebuilt from what was stored, so nothing unacknowledged survives.
   */
  private commit(outcome: Outcome, receipt?: CommandReceipt, done?: Committed): void {
    if (outcome.entries.length === 0) {
      done?.();
      return;
    }
    const { entries, snapshotDue } = this.sessionLog.append(outcome.entries);
    const snapshot = snapshotDue ? this.takeSnapshot() : undefined;
    this.arm();
    this.commits.enqueue({ entries, ...(receipt && { receipt }), ...(snapshot && { snapshot }) }, (error) => {
      // The commit's completion: a throw here stops this session, not the queue.
      this.guard('commit', () => {
        if (error) this.reload(error);
        else this.sessionLog.storedUpTo((entries.at(-1) as LogEntry).seq);
      });
      done?.(error);
      if (!error) this.notify('log');
    });
  }

  private reload(error: Error): void {
    if (this.lastSeq === this.deps.storage.lastSeq(this.row.id)) return; // already rebuilt for this flush
    this.deps.logger.error(
      { err: error, session: this.row.id },
      'append failed; reloading the session from storage',
    );
    const restored = SessionState.restore(this.deps.storage, this.row.id, this.scenario, this.scenarioHash);
    if (!restored.ok) {
      this.fail('restore', new Error(`its stored log does not replay: ${restored.refusal.message}`));
      return;
    }
    this.swapIn(restored);
    this.arm();
  }

  private swapIn(restored: Extract<Restored, { ok: true }>): void {
    this.state.stop();
    this.state = restored.state;
    this.sessionLog.reset(restored.seq, restored.tail);
  }

  private takeSnapshot(): SnapshotRow {
    this.sessionLog.snapshotTaken();
    return {
      sessionId: this.row.id,
      seq: this.lastSeq,
      data: this.state.snapshotData(),
      engineVersion: ENGINE_VERSION,
      scenarioHash: this.scenarioHash,
    };
  }

  /** Writes a snapshot now (through the group commit, after every entry before it). */
  snapshot(): void {
    this.commits.enqueue({ entries: [], snapshot: this.takeSnapshot() }, () => undefined);
  }

  private now(): number {
    return this.clock.now();
  }

  /** Wakes at the meeting's next deadline (none while failed). */
  private arm(): void {
    this.timer.armAt(this.failed ? null : this.state.meeting.nextDeadline());
  }

  /** Tells the listeners (the fan-out); a listener that throws stops this session, not the caller. */
  private notify(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.fail('fan-out', error);
      }
    }
  }
}
