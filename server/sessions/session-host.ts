// One live session as the server hosts it: its state in memory
// (session-state.ts: the meeting and its coaching), its log, its clock, and
// the group commit that stores every accepted command before it is
// acknowledged or broadcast; a refused one changes nothing. Lifecycle hooks
// for the transport: subscribe() for changes, presence for who is online.
import type { DebriefInput } from '../../shared/debrief/build.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import { type Replayed, replayLog } from '../../shared/log/replay.ts';
import type { Actor } from '../../shared/meeting/commands.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/meeting/minutes-format.ts';
import { ERROR_CODES } from '../../shared/protocol/errors.ts';
import type { AnyCommand, CommandAck } from '../../shared/protocol/messages.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { LiveInput } from '../../shared/views/live.ts';
import type { Logger } from '../logger.ts';
import { InlineWriter } from '../storage/batch-writer.ts';
import { CommitQueue, type Committed } from '../storage/commit-queue.ts';
import type { CommandReceipt, SessionRow, SnapshotRow, Storage } from '../storage/storage.ts';
import { LogTail } from './log-tail.ts';
import { type Outcome, SessionState } from './session-state.ts';

export interface HostDeps {
  storage: Storage;
  /** Shared by every session of the process, so one fsync serves them all. */
  commits?: CommitQueue;
  logger: Logger;
  now?: () => number;
  /** Save a snapshot every this many log entries (restores replay only the tail). */
  snapshotEvery?: number;
  /** The zone every screen and the minutes give times in (TIME_ZONE; Shanghai when absent). */
  timeZone?: string;
}

/** Who sent a command: the meeting's actor, plus the id their command ids are unique within. */
export interface Sender {
  actor: Actor;
  id: string;
}

const SYSTEM: Actor = { kind: 'system' };

/**
 * Entries between snapshots. A restore replays at most this many entries
 * through the machine per session; a snapshot costs one JSON row.
 */
const SNAPSHOT_EVERY = 32;

/** What changed: the log (a command or a clock tick), who is online, or the session was deleted. */
export type Change = 'log' | 'presence' | 'closed';

export class SessionHost {
  private seq: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(change: Change) => void>();
  private readonly presence = new Map<string, number>();
  private readonly now: () => number;
  private sinceSnapshot = 0;
  private readonly commits: CommitQueue;

  private constructor(
    readonly row: SessionRow,
    private state: SessionState,
    seq: number,
    private readonly deps: HostDeps,
    tail: readonly LogEntry[] = [],
  ) {
    this.seq = seq;
    this.tail = this.logTail(seq, tail);
    this.now = deps.now ?? Date.now;
    this.commits = deps.commits ?? new CommitQueue(new InlineWriter(deps.storage));
    this.arm();
  }

  static create(row: SessionRow, scenario: Scenario, deps: HostDeps): SessionHost {
    return new SessionHost(row, SessionState.fresh(row.id, scenario), 0, deps);
  }

  /** Rebuilds a session from its latest snapshot and the log after it; timers re-arm from the deadlines in the context. */
  static restore(row: SessionRow, scenario: Scenario, deps: HostDeps): SessionHost {
    const { state, seq, tail } = SessionState.restore(deps.storage, row.id, scenario);
    return new SessionHost(row, state, seq, deps, tail);
  }

  get scenario(): Scenario {
    return this.state.scenario;
  }

  /** The session as it stood just after `seq` (for the debrief's "state at this moment"). */
  replayTo(seq: number): Replayed {
    return replayLog(
      this.scenario,
      this.log(0).filter((e) => e.seq <= seq),
    );
  }

  debriefInput(): DebriefInput {
    const { meeting, coaching } = this.state;
    return {
      scenario: this.scenario,
      context: meeting.context,
      state: meeting.state,
      coaching,
      log: this.log(0),
      timeZone: this.timeZone,
    };
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
    return this.seq;
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
      meeting: { seq: this.seq, state: this.state.meeting.state, context: this.state.meeting.context },
      coaching: this.state.coaching,
      online: new Set(this.presence.keys()),
      now: this.now(),
    };
  }

  /** Log entries after `afterSeq`: recent ones from memory, older ones from storage (log-tail.ts). */
  log(afterSeq = 0): LogEntry[] {
    return this.tail.after(Math.max(0, afterSeq));
  }

  /** Entries after this seq are in memory. */
  get logFloor(): number {
    return this.tail.memoryFloor;
  }

  private tail: LogTail;

  private logTail(seq: number, entries: readonly LogEntry[]): LogTail {
    return new LogTail(seq, entries, (afterSeq) => this.deps.storage.readLog(this.row.id, afterSeq));
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

  /** Bumped whenever someone comes online or goes offline (presence is shown, not logged). */
  presenceVersion = 0;

  setOnline(participantId: string, online: boolean): void {
    const count = (this.presence.get(participantId) ?? 0) + (online ? 1 : -1);
    const wasOnline = this.presence.has(participantId);
    if (count > 0) this.presence.set(participantId, count);
    else this.presence.delete(participantId);
    if (wasOnline !== this.presence.has(participantId)) {
      this.presenceVersion++;
      this.notify('presence');
    }
  }

  /** Seats a new trainee (the server's participant.join); resolves once stored. */
  join(participantId: string, name: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.commit(
        this.state.applyMeeting(SYSTEM, { type: 'participant.join', participantId, name }, this.now()),
        undefined,
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  observerJoined(observerId: string, name: string): void {
    this.commit(this.state.applyCoaching(SYSTEM, { type: 'observer.join', observerId, name }, this.now()));
  }

  tipDelivered(tipId: string, participantId: string): void {
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
    const key = `${sender.id}\u0000${cid}`;
    const inflight = this.inflight.get(key);
    if (inflight) {
      inflight.push(reply);
      return;
    }
    const previous = this.deps.storage.findReceipt(this.row.id, sender.id, cid);
    if (previous) {
      reply(JSON.parse(previous.result) as CommandAck);
      return;
    }
    const outcome = this.state.apply(sender.actor, command, this.now());
    if (!outcome.ok) {
      // Refused, but a clock tick that fell due before it is still stored.
      this.commit(outcome);
      reply({ ok: false, error: outcome.error });
      return;
    }
    const ack: CommandAck = { ok: true, seq: this.seq + outcome.entries.length };
    const waiting = [reply];
    this.inflight.set(key, waiting);
    const receipt = {
      sessionId: this.row.id,
      sender: sender.id,
      commandId: cid,
      result: JSON.stringify(ack),
    };
    this.commit(outcome, receipt, (error) => {
      this.inflight.delete(key);
      const answer: CommandAck = error
        ? {
            ok: false,
            error: {
              code: ERROR_CODES.internal,
              message: 'the server could not store this command; please retry',
            },
          }
        : ack;
      for (const r of waiting) r(answer);
    });
  }

  /** Commands applied in memory but not yet stored, by sender and cid: a retry waits for the first. */
  private readonly inflight = new Map<string, ((ack: CommandAck) => void)[]>();

  /** The clock: applies whatever has fallen due. */
  tick(): void {
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
    clearTimeout(this.timer);
    this.timer = undefined;
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
    const entries = outcome.entries.map((e, i) => ({ ...e, seq: this.seq + i + 1 }));
    this.seq += entries.length;
    this.tail.append(entries);
    this.sinceSnapshot += entries.length;
    const snapshot =
      this.sinceSnapshot >= (this.deps.snapshotEvery ?? SNAPSHOT_EVERY) ? this.takeSnapshot() : undefined;
    this.arm();
    this.commits.enqueue({ entries, ...(receipt && { receipt }), ...(snapshot && { snapshot }) }, (error) => {
      if (error) this.reload(error);
      else this.tail.storedUpTo((entries.at(-1) as LogEntry).seq);
      done?.(error);
      if (!error) this.notify('log');
    });
  }

  private reload(error: Error): void {
    if (this.seq === this.deps.storage.lastSeq(this.row.id)) return; // already rebuilt for this flush
    this.deps.logger.error(
      { err: error, session: this.row.id },
      'append failed; reloading the session from storage',
    );
    const { state, seq, tail } = SessionState.restore(this.deps.storage, this.row.id, this.scenario);
    this.state.stop();
    this.state = state;
    this.seq = seq;
    this.tail = this.logTail(seq, tail);
    this.arm();
  }

  private takeSnapshot(): SnapshotRow {
    this.sinceSnapshot = 0;
    return {
      sessionId: this.row.id,
      seq: this.seq,
      data: this.state.snapshotData(),
    };
  }

  /** Writes a snapshot now (through the group commit, after every entry before it). */
  snapshot(): void {
    this.commits.enqueue({ entries: [], snapshot: this.takeSnapshot() }, () => undefined);
  }

  private arm(): void {
    clearTimeout(this.timer);
    const due = this.state.meeting.nextDeadline();
    if (due === null) return;
    // Node timers are capped at ~24.8 days; meetings are not that long.
    this.timer = setTimeout(() => this.tick(), Math.max(0, due - this.now()));
    this.timer.unref();
  }

  private notify(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }
}
