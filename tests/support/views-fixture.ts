// A meeting driven directly (no server), keeping the log and the coaching
// state as the session host does, for the projection tests in tests/shared/views.
// The scenario is the engine fixture's, with a canary in every private field.
import { applyCoaching, type CoachingActor } from '../../shared/coaching/apply.ts';
import { type CoachingCommand, type CoachingState, emptyCoaching } from '../../shared/coaching/state.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import type { Actor, Command } from '../../shared/meeting/commands.ts';
import { type DispatchResult, MeetingSession } from '../../shared/meeting/session.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { LiveInput } from '../../shared/views/live-input.ts';
import { engineScenario, FACILITATOR, seat, T0 } from './meeting-fixture.ts';

export { FACILITATOR, OBSERVER, seat, T0 } from './meeting-fixture.ts';

const card = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  public: `public-${id}`,
  brief: `CANARY-BRIEF-${id}`,
  goals: [`CANARY-GOAL-${id}`],
  secrets: [`CANARY-SECRET-${id}`],
  red_lines: [`CANARY-REDLINE-${id}`],
  ...extra,
});

/** The engine fixture's scenario, each card's private fields a canary; handouts and injects of every addressing. */
export function viewScenario(): Scenario {
  return engineScenario({
    roles: [
      card('chair', { chair: true }),
      card('owner_a', { required: true, attributes: { owner: true, area_m2: 90 } }),
      card('owner_b', { attributes: { owner: true, area_m2: 60 } }),
      card('owners', { seats: { min: 0, max: 4 }, attributes: { owner: true, area_m2: 50 } }),
      card('tenant', { attributes: { owner: false } }),
      card('official', { npc: true }),
    ],
    handouts: [
      { id: 'map', title: 'Map', body: 'public map' },
      { id: 'letter', title: 'CANARY-HANDOUT-letter', body: 'CANARY-HANDOUT-letter', to: ['owner_b'] },
    ],
    injects: [
      {
        id: 'smoke',
        title: 'Smoke',
        body: 'Smoke in the hall',
        at: { item: 'talk', after: '3m' },
        respond_within: '2m',
        expect: 'CANARY-EXPECT-smoke',
      },
      {
        id: 'call',
        title: 'CANARY-INJECT-call',
        body: 'CANARY-INJECT-call',
        manual: true,
        to: ['owner_a'],
        expect: 'CANARY-EXPECT-call',
      },
      { id: 'note', title: 'CANARY-INJECT-note', body: 'CANARY-INJECT-note', manual: true, to: 'observers' },
      { id: 'spare', title: 'CANARY-SPARE', body: 'CANARY-SPARE', spare: true },
    ],
  });
}

/** A session, its coaching and its log, as the host keeps them, on a clock the test moves. */
export class ViewRoom {
  readonly session: MeetingSession;
  coaching: CoachingState = emptyCoaching();
  readonly log: LogEntry[] = [];
  now = T0;

  constructor(readonly scenario: Scenario = viewScenario()) {
    this.session = MeetingSession.create(scenario);
  }

  get ctx() {
    return this.session.context;
  }

  get state(): string {
    return this.session.state;
  }

  private itemId(): string | null {
    const item = this.ctx.item;
    return item ? (this.scenario.agenda[item.index]?.id ?? null) : null;
  }

  private append(actor: Actor, payload: LogEntry['payload'], at: number): void {
    this.log.push({ sessionId: 's', seq: this.log.length + 1, at, actor, payload });
  }

  advance(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  send(actor: Actor, command: Command): DispatchResult {
    const before = this.itemId();
    const result = this.session.dispatch(actor, command, this.now);
    for (const e of result.events) {
      const item = e.command.type === 'clock.tick' ? before : this.itemId();
      this.append(e.actor, { kind: 'meeting', command: e.command, item }, e.at);
    }
    return result;
  }

  ok(actor: Actor, command: Command): this {
    const result = this.send(actor, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    return this;
  }

  tick(): this {
    const before = this.itemId();
    const event = this.session.tick(this.now);
    if (event) this.append(event.actor, { kind: 'meeting', command: event.command, item: before }, event.at);
    return this;
  }

  coach(actor: CoachingActor, command: CoachingCommand): this {
    const item = this.itemId();
    const participants = new Set(Object.keys(this.ctx.participants));
    const applied = applyCoaching(this.coaching, actor, command, {
      at: this.now,
      participants,
      item,
      attempt: this.ctx.attempt,
    });
    if (!applied.ok) throw new Error(`${command.type} refused: ${applied.code} ${applied.message}`);
    this.coaching = applied.state;
    this.append(actor as Actor, { kind: 'coaching', command, item }, this.now);
    return this;
  }

  /** Joins p1… and seats them with the given cards. */
  seat(cards: Record<string, string | null>): this {
    for (const [id, roleId] of Object.entries(cards)) {
      this.ok({ kind: 'system' }, { type: 'participant.join', participantId: id, name: `Name ${id}` });
      if (roleId) this.ok(seat(id), { type: 'card.take', roleId });
    }
    return this;
  }

  input(online: Iterable<string> = Object.keys(this.ctx.participants)): LiveInput {
    return {
      scenario: this.scenario,
      meeting: { seq: this.log.length, state: this.session.state, context: this.ctx },
      coaching: this.coaching,
      online: new Set(online),
      now: this.now,
    };
  }

  /** Moves to an agenda item by id (as the facilitator). */
  goto(itemId: string): this {
    return this.ok(FACILITATOR, { type: 'item.goto', itemId });
  }
}

/** The standard room: chair p1, owner_a p2, owner_b p3, two crowd owners p4 p5, a tenant p6, p7 without a card; started. */
export function startedRoom(): ViewRoom {
  return new ViewRoom()
    .seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b', p4: 'owners', p5: 'owners', p6: 'tenant', p7: null })
    .ok(FACILITATOR, { type: 'meeting.start' })
    .ok(seat('p1'), { type: 'meeting.begin' });
}
