// State coverage: every shipped scenario, run start to finish by
// simulateMeeting over several seeds, must reach every state of the meeting
// machine that its agenda can reach, and nothing else; across the library,
// every state is reached and every kind of agenda item is run. The coverage
// table is printed so that `npm test` reports it.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/meeting/commands.ts';
import { MeetingSession } from '../../../shared/meeting/session.ts';
import { type SimulationResult, simulateMeeting } from '../../../shared/meeting/simulate.ts';
import { ITEM_KINDS, type ItemKind, type Scenario } from '../../../shared/scenario/index.ts';
import {
  assertInvariants,
  BRANCH_OF_KIND,
  expectSame,
  loadShippedScenarios,
  machineStateNodes,
  seatPlan,
  T0,
  withAncestors,
} from '../../support/meeting.ts';

const SCENARIOS = loadShippedScenarios();
const SEEDS = [1, 2, 3, 4, 5, 6];

const first = SCENARIOS[0];
if (!first) throw new Error('no shipped scenario');
const NODES = machineStateNodes(MeetingSession.create(first));

// Two state nodes can never be observed at rest, so coverage leaves them out:
// - `meeting.running.route` is transient: entered by `meeting.begin`,
//   `item.next` and `item.goto`, it is left within the same macrostep by its
//   unguarded `always` fallback (to floor / ballot / signup / actions /
//   recess), so `session.state` never shows it;
// - `meeting.running.history` is a history pseudo-state: `meeting.resume`
//   targets it to re-enter the state the meeting was paused in; it never
//   holds the machine itself.
// The machine's structure decides which nodes these are (see the first test).
const UNOBSERVABLE = NODES.filter((n) => n.type === 'history' || n.transient).map((n) => n.path);
const OBSERVABLE = NODES.map((n) => n.path).filter((p) => !UNOBSERVABLE.includes(p));
const BRANCHES = [...new Set(Object.values(BRANCH_OF_KIND))];

/** The states a scenario's agenda can reach: all but the item branches (and their children) none of its items routes to. */
function expectedStates(scenario: Scenario): string[] {
  const reachable = new Set(scenario.agenda.map((i) => BRANCH_OF_KIND[i.kind]));
  return OBSERVABLE.filter((path) => {
    const branch = BRANCHES.find((b) => path === b || path.startsWith(`${b}.`));
    return branch === undefined || reachable.has(branch);
  });
}

interface Coverage {
  runs: SimulationResult[];
  /** States (with their ancestors) seen after any step of any run. */
  reached: Set<string>;
}

const cache = new Map<string, Coverage>();
/** The simulated runs of a scenario, once per file whatever order the tests run in. */
function coverageOf(scenario: Scenario): Coverage {
  const known = cache.get(scenario.id);
  if (known) return known;
  const runs = SEEDS.map((seed) => simulateMeeting(scenario, { seed }));
  const reached = new Set<string>();
  for (const run of runs)
    for (const state of run.statesVisited) for (const s of withAncestors(state)) reached.add(s);
  const coverage = { runs, reached };
  cache.set(scenario.id, coverage);
  return coverage;
}

/** A seated meeting, begun, as a class would have it (for the targeted paths below). */
function begunSession(scenario: Scenario): { session: MeetingSession; now: number } {
  const session = MeetingSession.create(scenario);
  let now = T0;
  const send = (actor: Parameters<MeetingSession['dispatch']>[0], command: Command) => {
    now += 1000;
    const result = session.dispatch(actor, command, now);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
  };
  for (const seat of seatPlan(scenario)) {
    send({ kind: 'facilitator' }, { type: 'participant.join', participantId: seat.id, name: seat.id });
    send({ kind: 'participant', id: seat.id }, { type: 'card.take', roleId: seat.roleId });
  }
  send({ kind: 'facilitator' }, { type: 'meeting.start' });
  send({ kind: 'facilitator' }, { type: 'meeting.begin' });
  return { session, now };
}

describe('the machine, as this test reads it', () => {
  it('has exactly two unobservable nodes: the transient route and the history pseudo-state', () => {
    expect(UNOBSERVABLE.sort()).toEqual(['meeting.running.history', 'meeting.running.route']);
    expect(OBSERVABLE).toContain('debrief');
  });

  it('routes each item kind to a branch of meeting.running, and has no branch for no kind', () => {
    expect(Object.keys(BRANCH_OF_KIND).sort()).toEqual([...ITEM_KINDS].sort());
    const running = OBSERVABLE.filter((p) => /^meeting\.running\.[^.]+$/.test(p));
    expect(running.sort()).toEqual([...BRANCHES].sort());
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: every agenda item routes to the branch of its kind',
    (_id, scenario) => {
      const { session, now } = begunSession(scenario);
      scenario.agenda.forEach((item, i) => {
        const result = session.dispatch(
          { kind: 'facilitator' },
          { type: 'item.goto', itemId: item.id },
          now + (i + 1) * 1000,
        );
        expect(result.ok).toBe(true);
        const branch = BRANCH_OF_KIND[item.kind];
        expect(
          session.state === branch || session.state.startsWith(`${branch}.`),
          `${item.id} (${item.kind}) → ${session.state}`,
        ).toBe(true);
        assertInvariants(scenario, session);
      });
    },
  );
});

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('state coverage: %s', (_id, scenario) => {
  it(`reaches exactly the states its agenda can reach (seeds ${SEEDS[0]}–${SEEDS.at(-1)})`, () => {
    const { reached } = coverageOf(scenario);
    expect([...reached].sort()).toEqual(expectedStates(scenario).sort());
  });

  it('goes from lobby to debrief with simulated participants (seed 1)', () => {
    const [run] = coverageOf(scenario).runs;
    expect(run?.problems).toEqual([]);
    expect(run?.completed).toBe(true);
    expect(run?.session.state).toBe('debrief');
    expect(run?.itemsReached).toEqual(scenario.agenda.map((i) => i.id));
  });

  it('replaying each simulated log rebuilds the meeting; re-sending it step by step satisfies the invariants', () => {
    for (const run of coverageOf(scenario).runs) {
      const replayed = MeetingSession.replay(scenario, run.events);
      expectSame(replayed.context, run.session.context, 'replayed context');
      expect(replayed.state).toBe(run.session.state);
      expect(replayed.lastSeq).toBe(run.session.lastSeq);

      // The same log sent again through the public API: each event is accepted as it was, and
      // every state along the way (the ones statesVisited lists) satisfies the invariants.
      const again = MeetingSession.create(scenario);
      const reached = new Set<string>([again.state]);
      for (const event of run.events) {
        const produced =
          event.command.type === 'clock.tick'
            ? [again.tick(event.at)]
            : again.dispatch(event.actor, event.command, event.at).events;
        expectSame(produced, [event], `re-sending event ${event.seq}`);
        assertInvariants(scenario, again);
        reached.add(again.state);
      }
      expect([...reached].sort()).toEqual([...run.statesVisited].sort());
      expectSame(again.context, run.session.context, 're-sent context');
    }
  });
});

/** Evidence in a finished meeting's record that an item of this kind really ran. */
function ran(kind: ItemKind, scenario: Scenario, run: SimulationResult): boolean {
  const record = run.session.context.record;
  const ids = new Set(scenario.agenda.filter((i) => i.kind === kind).map((i) => i.id));
  const entered = record.items.some((r) => ids.has(r.item));
  switch (kind) {
    case 'statement':
    case 'speakers':
    case 'open_floor':
    case 'qa':
      return entered && record.turns.some((t) => ids.has(t.item));
    case 'vote':
    case 'election':
      return entered && record.ballots.some((b) => b.kind === kind && ids.has(b.item));
    case 'signup':
      return entered && record.signups.some((s) => ids.has(s.item));
    case 'actions':
      return entered && record.actions.some((a) => a.item !== null && ids.has(a.item));
    case 'break':
      return entered;
  }
}

describe('state coverage: the whole library', () => {
  it('reaches every state of the machine and runs every kind of agenda item', () => {
    const union = new Set<string>();
    const kindsRun = new Set<ItemKind>();
    const rows: string[][] = [];
    for (const scenario of SCENARIOS) {
      const { runs, reached } = coverageOf(scenario);
      for (const s of reached) union.add(s);
      for (const kind of ITEM_KINDS) if (runs.some((run) => ran(kind, scenario, run))) kindsRun.add(kind);
      const expected = expectedStates(scenario);
      const hit = expected.filter((s) => reached.has(s));
      const missing = expected.filter((s) => !reached.has(s));
      const kinds = [...new Set(scenario.agenda.map((i) => i.kind))].join(' ');
      rows.push([scenario.id, `${hit.length}/${expected.length}`, missing.join(' ') || '—', kinds]);
    }
    rows.push([
      '(library)',
      `${OBSERVABLE.filter((s) => union.has(s)).length}/${OBSERVABLE.length}`,
      OBSERVABLE.filter((s) => !union.has(s)).join(' ') || '—',
      [...kindsRun].join(' '),
    ]);
    console.log(coverageTable(rows, union));

    expect([...union].sort()).toEqual([...OBSERVABLE].sort());
    expect([...kindsRun].sort()).toEqual([...ITEM_KINDS].sort());
  });
});

function coverageTable(rows: string[][], union: Set<string>): string {
  const header = ['scenario', 'states reached/expected', 'missing', 'item kinds'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  // The state-by-scenario matrix: ✓ reached, · expected but not reached, – not reachable with this agenda.
  const ids = SCENARIOS.map((s) => s.id);
  const stateWidth = Math.max(...OBSERVABLE.map((s) => s.length));
  const matrix = OBSERVABLE.map((state) => {
    const marks = SCENARIOS.map((s) => {
      if (!expectedStates(s).includes(state)) return '–';
      return coverageOf(s).reached.has(state) ? '✓' : '·';
    });
    return `${state.padEnd(stateWidth)}  ${marks.join('  ')}  ${union.has(state) ? '' : '  (never reached)'}`.trimEnd();
  });
  return [
    `Meeting machine state coverage (simulateMeeting, seeds ${SEEDS.join(', ')}; route and history excluded: never at rest)`,
    line(header),
    ...rows.map(line),
    '',
    `${''.padEnd(stateWidth)}  ${ids.map((_, i) => String(i + 1)).join('  ')}   (1–${ids.length}: ${ids.join(', ')})`,
    ...matrix,
  ].join('\n');
}
