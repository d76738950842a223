// The simulated room of a dry run (simulate.ts): the session, its simulated
// clock, and the one way every simulated person acts in it, so the seating,
// the items and the ballots only say who does what and how long it takes.
import type { Item, Language, Scenario } from '../scenario/index.ts';
import type { Actor, Command, PlayedCommand } from './commands.ts';
import { type DomainEvent, MeetingSession } from './session.ts';
import { type SimulatedWords, simulatedWords } from './simulate-words.ts';

export interface SimulationProblem {
  item: string | null;
  reason: 'no_speaker' | 'no_voter' | 'no_candidate' | 'cannot_start' | 'refused';
  message: string;
}

export const FACILITATOR: Actor = { kind: 'facilitator' };
export const EXPERT = { kind: 'observer', id: 'expert-1' } as const satisfies Actor;

/** A seat (by id) or another sender. */
export type Who = string | Actor;

export interface Seat {
  id: string;
  roleId: string;
}

export class SimulatedRoom {
  readonly session: MeetingSession;
  readonly words: SimulatedWords;
  readonly events: DomainEvent[] = [];
  readonly problems: SimulationProblem[] = [];
  readonly statesVisited: Set<string>;
  /** The item being run, named in the problems a refusal records. */
  currentItem: Item | undefined;
  seats: Seat[] = [];
  chair: Who = FACILITATOR;
  /** Stand-in seats: the expert acts for them with card.play. */
  private standIns = new Set<string>();
  private now: number;

  constructor(
    readonly scenario: Scenario,
    readonly random: () => number,
    readonly lang: Language,
    start: number,
  ) {
    this.words = simulatedWords(scenario, lang);
    this.session = MeetingSession.create(scenario);
    this.statesVisited = new Set<string>([this.session.state]);
    this.now = start;
  }

  pick<T>(list: readonly T[]): T | undefined {
    return list[Math.floor(this.random() * list.length)];
  }

  send(actor: Actor, command: Command, seconds = 5): boolean {
    this.elapse(seconds);
    const result = this.session.dispatch(actor, command, this.now);
    this.events.push(...result.events);
    this.statesVisited.add(this.session.state);
    if (!result.ok) {
      this.problems.push({
        item: this.currentItem?.id ?? null,
        reason: 'refused',
        message: `${command.type}: ${result.error.code} ${result.error.message}`,
      });
    }
    return result.ok;
  }

  /** Time passes in small steps so scheduled injects and time-ups fire when due. */
  elapse(seconds: number): void {
    const until = this.now + seconds * 1000;
    for (
      let due = this.session.nextDeadline();
      due !== null && due <= until;
      due = this.session.nextDeadline()
    ) {
      this.now = Math.max(this.now, due);
      const tick = this.session.tick(this.now);
      if (!tick) break;
      this.events.push(tick);
      this.statesVisited.add(this.session.state);
    }
    this.now = until;
  }

  /** A seat acts itself, or through the expert when the expert stands in for it. */
  act(who: Who, command: PlayedCommand, seconds = 5): boolean {
    if (typeof who !== 'string') return this.send(who, command, seconds);
    return this.standIns.has(who)
      ? this.send(EXPERT, { type: 'card.play', participantId: who, command }, seconds)
      : this.send({ kind: 'participant', id: who }, command, seconds);
  }

  /** The class is seated: who stands in for whom, and who chairs. */
  takeSeats(seats: Seat[]): void {
    this.seats = seats;
    this.standIns = new Set(
      Object.values(this.session.context.participants)
        .filter((p) => p.playedBy !== undefined)
        .map((p) => p.id),
    );
    const chairSeat = seats.find((s) => this.scenario.roles.find((r) => r.id === s.roleId)?.chair);
    this.chair = chairSeat ? chairSeat.id : FACILITATOR;
  }
}
