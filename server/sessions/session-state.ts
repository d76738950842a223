// What a session is in memory: its meeting (one XState actor) and the
// coaching beside it, and how a command becomes log entries. No storage, no
// timers, no sockets: SessionHost adds those.
import { applyCoaching } from '../../shared/coaching/apply.ts';
import { coachingFacts } from '../../shared/coaching/facts.ts';
import { mayCoach } from '../../shared/coaching/may-coach.ts';
import {
  type CoachingCommand,
  type CoachingState,
  coachingCommandSchema,
  emptyCoaching,
} from '../../shared/coaching/state.ts';
import { ENGINE_VERSION } from '../../shared/log/engine-version.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import { type Replayed, type ReplayRefusal, replayLog } from '../../shared/log/replay.ts';
import type { Actor, Command } from '../../shared/meeting/commands.ts';
import { commandSchema } from '../../shared/meeting/commands.ts';
import { MEETING_ERRORS } from '../../shared/meeting/errors.ts';
import { balanceCards } from '../../shared/meeting/seats.ts';
import { MeetingSession, type PersistedMeeting } from '../../shared/meeting/session.ts';
import { isKnownExpert } from '../../shared/meeting/stand-ins.ts';
import { ERROR_CODES, type ErrorPayload } from '../../shared/protocol/errors.ts';
import { type AnyCommand, SERVER_ONLY_COMMANDS } from '../../shared/protocol/messages.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { SnapshotRow, Storage } from '../storage/storage.ts';

/**
 * A session rebuilt from storage, or why it could not be. `checked`: the log
 * was replayed from before the latest snapshot (the engine or the scenario
 * changed since it was taken, or it was never taken under either), so a
 * fresh snapshot under the current versions saves the next restore that work.
 */
export type Restored =
  | { ok: true; state: SessionState; seq: number; tail: LogEntry[]; checked: boolean }
  | { ok: false; refusal: ReplayRefusal };

/** What a command produced: entries for the log (a refusal may still carry a clock tick). */
export type Outcome =
  | { ok: true; entries: LogEntry[] }
  | { ok: false; error: ErrorPayload; entries: LogEntry[] };

const meetingTypes = new Set<string>(commandSchema.options.map((o) => o.shape.type.value));
const coachingTypes = new Set<string>(coachingCommandSchema.options.map((o) => o.shape.type.value));

export class SessionState {
  private constructor(
    readonly sessionId: string,
    readonly scenario: Scenario,
    readonly meeting: MeetingSession,
    public coaching: CoachingState,
  ) {}

  static fresh(sessionId: string, scenario: Scenario): SessionState {
    return new SessionState(sessionId, scenario, MeetingSession.create(scenario), emptyCoaching());
  }

  /**
   * From the latest snapshot taken under the current engine and this
   * scenario (`scenarioHash`), and the log after it, replayed strictly; with
   * no such snapshot, the whole log. A log entry the current rules refuse
   * stops the restore: `{ ok: false, refusal }` with its seq and why.
   */
  static restore(storage: Storage, sessionId: string, scenario: Scenario, scenarioHash: string): Restored {
    const last = storage.lastSeq(sessionId);
    const snapshot = storage.snapshotAtOrBefore(sessionId, last, {
      engineVersion: ENGINE_VERSION,
      scenarioHash,
    });
    const from = snapshot ? fromSnapshot(scenario, snapshot) : undefined;
    const tail = storage.readLog(sessionId, from?.seq ?? 0);
    const outcome = replayLog(scenario, tail, from);
    if (!outcome.ok) {
      outcome.replayed.meeting.stop();
      return { ok: false, refusal: outcome.refusal };
    }
    const { meeting, coaching, seq } = outcome;
    const latest = storage.latestSnapshot(sessionId)?.seq;
    const checked = latest !== undefined && latest !== snapshot?.seq;
    return { ok: true, state: new SessionState(sessionId, scenario, meeting, coaching), seq, tail, checked };
  }

  /** Everything up to `seq`, from the nearest trusted snapshot before it (state_at). */
  static replayTo(
    storage: Storage,
    sessionId: string,
    scenario: Scenario,
    scenarioHash: string,
    seq: number,
    readLog: (afterSeq: number, toSeq: number) => LogEntry[],
  ): ReturnType<typeof replayLog> {
    const snapshot = storage.snapshotAtOrBefore(sessionId, seq, {
      engineVersion: ENGINE_VERSION,
      scenarioHash,
    });
    const from = snapshot ? fromSnapshot(scenario, snapshot) : undefined;
    return replayLog(scenario, readLog(from?.seq ?? 0, seq), from);
  }

  /** What a snapshot stores. */
  snapshotData(): string {
    return JSON.stringify({ meeting: this.meeting.persist(), coaching: this.coaching });
  }

  currentItemId(): string | null {
    const item = this.meeting.context.item;
    return item ? (this.scenario.agenda[item.index]?.id ?? null) : null;
  }

  /** Routes a command to the meeting, the coaching or the session itself. */
  apply(actor: Actor, command: AnyCommand, at: number): Outcome {
    const refuse = (code: ErrorPayload['code'], message: string): Outcome => ({
      ok: false,
      error: { code, message },
      entries: [],
    });
    if (SERVER_ONLY_COMMANDS.has(command.type))
      return refuse(ERROR_CODES.serverOnly, `${command.type} is sent by the server only`);
    if (command.type === 'cards.balance') return this.balance(actor, at);
    if (meetingTypes.has(command.type)) return this.applyMeeting(actor, command as Command, at);
    if (coachingTypes.has(command.type)) return this.applyCoaching(actor, command as CoachingCommand, at);
    return refuse(ERROR_CODES.unknownCommand, `unknown command ${command.type}`);
  }

  applyMeeting(actor: Actor, command: Command, at: number): Outcome {
    // Otherwise acceptable, a card handed to an observer who never joined is refused here.
    if (
      command.type === 'card.assign_expert' &&
      !isKnownExpert(this.coaching.observers, command.observerId) &&
      this.meeting.check(actor, command) === null
    ) {
      return {
        ok: false,
        error: {
          code: MEETING_ERRORS.unknownObserver,
          message: 'no expert with this id has joined the session; the expert opens the observer link first',
        },
        entries: [],
      };
    }
    const before = this.currentItemId();
    const result = this.meeting.dispatch(actor, command, at);
    const entries = result.events.map((e) =>
      this.entry(
        e.actor,
        {
          kind: 'meeting',
          command: e.command,
          item: e.command.type === 'clock.tick' ? before : this.currentItemId(),
        },
        e.at,
      ),
    );
    return result.ok ? { ok: true, entries } : { ok: false, error: result.error, entries };
  }

  applyCoaching(actor: Actor, command: CoachingCommand, now: number): Outcome {
    const at = Math.max(now, this.meeting.context.now);
    const item = this.currentItemId();
    // The authority the screens ask (may-coach.ts), live rules included; applyCoaching then adds
    // what only the full state knows.
    const context = this.meeting.context;
    const refused = mayCoach(coachingFacts(this.scenario.rubric, context, this.coaching), actor, command);
    if (refused) return { ok: false, error: refused, entries: [] };
    const applied = applyCoaching(this.coaching, actor, command, {
      at,
      participants: new Set(Object.keys(this.meeting.context.participants)),
      item,
      attempt: this.meeting.context.attempt,
    });
    if (!applied.ok)
      return { ok: false, error: { code: applied.code, message: applied.message }, entries: [] };
    this.coaching = applied.state;
    return { ok: true, entries: [this.entry(actor, { kind: 'coaching', command, item }, at)] };
  }

  /** Whatever has fallen due by `at`, as one log entry (or nothing). */
  tick(at: number): LogEntry | null {
    const before = this.currentItemId();
    const event = this.meeting.tick(at);
    return event
      ? this.entry(event.actor, { kind: 'meeting', command: event.command, item: before }, event.at)
      : null;
  }

  stop(): void {
    this.meeting.stop();
  }

  /** Auto-balance: one card.assign per unseated participant, as one command. */
  private balance(actor: Actor, at: number): Outcome {
    if (actor.kind !== 'facilitator') {
      return {
        ok: false,
        error: { code: ERROR_CODES.forbidden, message: 'only the facilitator assigns cards' },
        entries: [],
      };
    }
    const entries: LogEntry[] = [];
    for (const { participantId, roleId } of balanceCards(this.scenario, this.meeting.context)) {
      entries.push(...this.applyMeeting(actor, { type: 'card.assign', participantId, roleId }, at).entries);
    }
    return { ok: true, entries };
  }

  private entry(actor: Actor, payload: LogEntry['payload'], at: number): LogEntry {
    return { sessionId: this.sessionId, seq: 0, at, actor, payload };
  }
}

function fromSnapshot(scenario: Scenario, snapshot: SnapshotRow): Replayed {
  const data = JSON.parse(snapshot.data) as { meeting: PersistedMeeting; coaching: CoachingState };
  return {
    meeting: MeetingSession.restore(scenario, data.meeting),
    coaching: data.coaching,
    seq: snapshot.seq,
  };
}
