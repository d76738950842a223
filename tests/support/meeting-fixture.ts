// A small scenario with one item of every kind, and a driver with a
// controllable clock, for engine tests that need exact numbers.

import type { Actor, Command } from '../../shared/meeting/commands.ts';
import { type DispatchResult, type DomainEvent, MeetingSession } from '../../shared/meeting/session.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import { validateScenario } from '../../shared/scenario/index.ts';

export const T0 = Date.UTC(2026, 0, 15, 1, 0, 0);

/** The fixture's scenario as written (before validation), for tests that build variants of it. */
export function engineScenarioData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 1,
    id: 'engine-test',
    title: { zh: '引擎测试', en: 'Engine test' },
    summary: 'x',
    meeting: 'assembly',
    duration: '60m',
    background: 'x',
    roles: [
      { id: 'chair', name: 'Chair', chair: true, public: 'p', brief: 'b' },
      {
        id: 'owner_a',
        name: 'Owner A',
        required: true,
        public: 'p',
        brief: 'b',
        attributes: { owner: true, area_m2: 90 },
      },
      { id: 'owner_b', name: 'Owner B', public: 'p', brief: 'b', attributes: { owner: true, area_m2: 60 } },
      {
        id: 'owners',
        name: 'Owners',
        seats: { min: 0, max: 4 },
        public: 'p',
        brief: 'b',
        attributes: { owner: true, area_m2: 50 },
      },
      { id: 'tenant', name: 'Tenant', public: 'p', brief: 'b', attributes: { owner: false } },
      { id: 'official', name: 'Official', npc: true, public: 'p', brief: 'b' },
    ],
    agenda: [
      {
        id: 'open',
        title: 'Open',
        kind: 'statement',
        speakers: ['chair', 'official'],
        per_speaker: '2m',
        duration: '5m',
      },
      { id: 'talk', title: 'Talk', kind: 'open_floor', per_speaker: '90s', balance: true, duration: '10m' },
      {
        id: 'list',
        title: 'List',
        kind: 'speakers',
        order: ['owner_a', 'owner_b'],
        rounds: 2,
        per_speaker: '1m',
      },
      { id: 'ask', title: 'Ask', kind: 'qa', answerers: ['official', 'chair'] },
      {
        id: 'decide',
        title: 'Decide',
        kind: 'vote',
        motion: 'Do it',
        rule: 'owners_special',
        eligible: { attribute: 'owner', equals: true },
      },
      {
        id: 'secret',
        title: 'Secret',
        kind: 'vote',
        motion: 'Secretly',
        ballot: 'secret',
        options: ['yes', 'no'],
      },
      {
        id: 'elect',
        title: 'Elect',
        kind: 'election',
        seats: 2,
        candidates: 'nominate',
        rule: 'simple_majority',
      },
      { id: 'tea', title: 'Tea', kind: 'break', duration: '5m' },
      { id: 'enlist', title: 'Enlist', kind: 'signup', asks: ['Water plants', 'Count cars'] },
      { id: 'close', title: 'Close', kind: 'actions' },
    ],
    injects: [
      { id: 'smoke', title: 'Smoke', body: 'b', at: { item: 'talk', after: '3m' }, respond_within: '2m' },
      { id: 'call', title: 'Call', body: 'b', manual: true, to: ['owner_a'] },
      { id: 'spare', title: 'Spare', body: 'b', spare: true },
    ],
    ...overrides,
  };
}

export function engineScenario(overrides: Record<string, unknown> = {}): Scenario {
  const data = engineScenarioData(overrides);
  const result = validateScenario(data, 'engine-test');
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.scenario;
}

export const FACILITATOR: Actor = { kind: 'facilitator' };
export const OBSERVER: Actor = { kind: 'observer', id: 'o1' };
export const seat = (id: string): Actor => ({ kind: 'participant', id });

/** A session plus a clock the test moves by hand, keeping the log as a server would. */
export class Driver {
  readonly session: MeetingSession;
  readonly log: DomainEvent[] = [];
  now = T0;

  constructor(readonly scenario: Scenario = engineScenario()) {
    this.session = MeetingSession.create(scenario);
  }

  at(seconds: number): this {
    this.now = T0 + seconds * 1000;
    return this;
  }

  advance(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  send(actor: Actor, command: Command): DispatchResult {
    const result = this.session.dispatch(actor, command, this.now);
    this.log.push(...result.events);
    return result;
  }

  /** Sends and expects acceptance (a clearer failure than a silent refusal). */
  ok(actor: Actor, command: Command): this {
    const result = this.send(actor, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    return this;
  }

  tick(): DomainEvent | null {
    const event = this.session.tick(this.now);
    if (event) this.log.push(event);
    return event;
  }

  /** Joins and seats p1… with the given cards. */
  seat(cards: Record<string, string>): this {
    for (const [id, roleId] of Object.entries(cards)) {
      this.ok(FACILITATOR, { type: 'participant.join', participantId: id, name: `Name ${id}` });
      this.ok(seat(id), { type: 'card.take', roleId });
    }
    return this;
  }

  get ctx() {
    return this.session.context;
  }
}

/** The standard room: chair p1, owner_a p2, owner_b p3, two crowd owners p4 p5, a tenant p6. */
export function startedDriver(): Driver {
  return new Driver()
    .seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b', p4: 'owners', p5: 'owners', p6: 'tenant' })
    .ok(FACILITATOR, { type: 'meeting.start' })
    .ok(seat('p1'), { type: 'meeting.begin' });
}
