// One running meeting: the machine's actor plus its domain event log.
// `dispatch` validates a command (rights, preconditions, then the machine's
// own state), applies it, and appends one event; a refused command changes
// nothing and returns a typed error. Replaying the log rebuilds the state.
import { createActor, type Snapshot, type Actor as XActor } from 'xstate';
import type { Scenario } from '../scenario/index.ts';
import { isDue, nextDeadline } from './clock.ts';
import type { Actor, Command, MeetingEvent } from './commands.ts';
import type { MeetingContext } from './context.ts';
import { MEETING_ERRORS, type MeetingError, refuse } from './errors.ts';
import { meetingFacts } from './facts.ts';
import { createMeetingMachine, type MeetingMachine } from './machine.ts';
import { maySend } from './may-send.ts';
import { checkPreconditions } from './preconditions.ts';
import { actingAs, authorize } from './rights.ts';

/** One accepted command (or a clock tick that changed something), as the log keeps it. */
export interface DomainEvent {
  seq: number;
  at: number;
  actor: Actor;
  command: Command | { type: 'clock.tick' };
}

/**
 * `events` are what the log must append, refused or not: a refused command
 * adds nothing itself, but a clock tick that fell due before it still counts.
 */
export type DispatchResult =
  | { ok: true; events: DomainEvent[] }
  | { ok: false; error: MeetingError; events: DomainEvent[] };

/** Why a logged command does not apply under the current rules: the engine's refusal, or no change at all. */
export interface LoggedRefusal {
  code: MeetingError['code'] | typeof REPLAY_NO_CHANGE;
  message: string;
}

/** A logged event the current rules accept but that changes nothing (so the meeting would differ from the log). */
export const REPLAY_NO_CHANGE = 'replay/no_change';

/** Thrown by MeetingSession.replay: the log does not replay under the current rules. */
export class ReplayError extends Error {
  constructor(
    readonly seq: number,
    readonly refusal: LoggedRefusal,
  ) {
    super(`log entry ${seq} does not replay: ${refusal.code} ${refusal.message}`);
    this.name = 'ReplayError';
  }
}

export interface PersistedMeeting {
  seq: number;
  snapshot: Snapshot<unknown>;
}

const SYSTEM: Actor = { kind: 'system' };

/**
 * One machine definition per scenario, shared by every session of it: the
 * definition is pure configuration, and building it is most of the cost of
 * restoring a session (hundreds of them after a restart).
 */
const machines = new WeakMap<Scenario, MeetingMachine>();
function machineFor(scenario: Scenario): MeetingMachine {
  let machine = machines.get(scenario);
  if (!machine) {
    machine = createMeetingMachine(scenario);
    machines.set(scenario, machine);
  }
  return machine;
}

export class MeetingSession {
  private readonly actor: XActor<MeetingMachine>;
  private seq: number;

  private constructor(
    readonly scenario: Scenario,
    private readonly machine: MeetingMachine,
    snapshot: Snapshot<unknown> | undefined,
    seq: number,
  ) {
    // xstate#4915: pass `input: undefined` alongside a snapshot.
    this.actor = snapshot ? createActor(machine, { snapshot, input: undefined }) : createActor(machine);
    this.actor.start();
    this.seq = seq;
  }

  static create(scenario: Scenario): MeetingSession {
    return new MeetingSession(scenario, machineFor(scenario), undefined, 0);
  }

  /** Resumes from a persisted snapshot; deadlines live in the context, so the host re-arms its timer from `nextDeadline()`. */
  static restore(scenario: Scenario, persisted: PersistedMeeting): MeetingSession {
    return new MeetingSession(scenario, machineFor(scenario), persisted.snapshot, persisted.seq);
  }

  /**
   * Rebuilds a session by applying a log from the start, strictly: an event
   * the current rules refuse (or that changes nothing) throws a ReplayError.
   */
  static replay(scenario: Scenario, events: readonly DomainEvent[]): MeetingSession {
    const session = MeetingSession.create(scenario);
    for (const event of events) {
      const refusal = session.applyLogged(event.actor, event.command, event.at);
      if (refusal) {
        session.stop();
        throw new ReplayError(event.seq, refusal);
      }
    }
    return session;
  }

  get context(): MeetingContext {
    return this.actor.getSnapshot().context;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** The state as a dotted path, e.g. "meeting.running.floor.speaking". */
  get state(): string {
    return stateValueToPath(this.actor.getSnapshot().value);
  }

  matches(path: string): boolean {
    return this.state === path || this.state.startsWith(`${path}.`);
  }

  nextDeadline(): number | null {
    return nextDeadline(this.context);
  }

  persist(): PersistedMeeting {
    return { seq: this.seq, snapshot: this.actor.getPersistedSnapshot() as Snapshot<unknown> };
  }

  /** Applies whatever is due by `at` (scheduled injects, time-ups). Returns the tick's event, if it changed anything. */
  tick(at: number): DomainEvent | null {
    const when = Math.max(at, this.context.now);
    if (!isDue(this.context, when)) return null;
    const event: MeetingEvent = { type: 'clock.tick', actor: SYSTEM, at: when };
    if (!this.actor.getSnapshot().can(event)) return null;
    return this.record(event, { type: 'clock.tick' });
  }

  dispatch(actor: Actor, command: Command, at: number): DispatchResult {
    const when = Math.max(at, this.context.now);
    const events: DomainEvent[] = [];
    const tick = this.tick(when);
    if (tick) events.push(tick);
    // What every screen asks before offering the command (may-send.ts), then the engine's own checks.
    const refused = maySend(meetingFacts(this.scenario, this.context, this.state), actor, command);
    if (refused) return { ok: false, error: refused, events };
    // An expert's card.play is logged as the stand-in seat's own command.
    const acting = actingAs(this.scenario, this.context, actor, command);
    if (!acting.ok) return { ok: false, error: acting.error, events };
    const error = this.check(acting.actor, acting.command, when);
    if (error) return { ok: false, error, events };
    events.push(
      this.record({ ...acting.command, actor: acting.actor, at: when } as MeetingEvent, acting.command),
    );
    return { ok: true, events };
  }

  /** Why `command` would be refused right now, or null if it would be accepted. */
  check(sender: Actor, sent: Command, at: number = this.context.now): MeetingError | null {
    const acting = actingAs(this.scenario, this.context, sender, sent);
    if (!acting.ok) return acting.error;
    const { actor, command } = acting;
    const error =
      authorize(this.scenario, this.context, actor, command) ??
      checkPreconditions(this.scenario, this.context, actor, command);
    if (error) return error;
    const event = { ...command, actor, at } as MeetingEvent;
    if (this.actor.getSnapshot().can(event)) return null;
    return refuse(
      MEETING_ERRORS.wrongState,
      `"${command.type}" is not possible now (the meeting is at ${this.state})`,
    );
  }

  /**
   * Re-applies a command taken from a log under the current rules, with the
   * same checks as when it was accepted: null when it applies, else why
   * not (and nothing changed). A rule that changed since the log was written
   * shows here as a refusal, never as a silently different meeting.
   */
  applyLogged(actor: Actor, command: DomainEvent['command'], at: number): LoggedRefusal | null {
    const before = this.actor.getSnapshot();
    if (command.type === 'clock.tick') {
      const tick: MeetingEvent = { type: 'clock.tick', actor, at };
      if (!isDue(this.context, at) || !before.can(tick))
        return {
          code: REPLAY_NO_CHANGE,
          message: 'nothing was due at this clock tick under the current rules',
        };
    } else {
      const error = this.check(actor, command, at);
      if (error) return error;
    }
    this.actor.send({ ...command, actor, at } as MeetingEvent);
    // XState keeps the same snapshot object when an event changes nothing.
    if (this.actor.getSnapshot() === before)
      return { code: REPLAY_NO_CHANGE, message: `"${command.type}" changes nothing under the current rules` };
    this.seq += 1;
    return null;
  }

  private record(event: MeetingEvent, command: DomainEvent['command']): DomainEvent {
    this.actor.send(event);
    this.seq += 1;
    return { seq: this.seq, at: event.at, actor: event.actor, command };
  }

  stop(): void {
    this.actor.stop();
  }

  get machineDefinition(): MeetingMachine {
    return this.machine;
  }
}

export function stateValueToPath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [key, inner] = Object.entries(value)[0] ?? [];
    if (key === undefined) return '';
    const rest = stateValueToPath(inner);
    return rest ? `${key}.${rest}` : key;
  }
  return '';
}
