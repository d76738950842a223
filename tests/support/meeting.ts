// Helpers for the meeting-engine tests: the shipped scenarios, the machine's
// state nodes, a realistic seating plan, and the invariants every reachable
// meeting must satisfy (checked after every step by the property tests).

import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { listScenarioFiles, loadScenarioFile } from '../../server/scenarios/library.ts';
import { isBallotItem } from '../../shared/meeting/ballots.ts';
import { speakerKey } from '../../shared/meeting/context.ts';
import { isFloorItem } from '../../shared/meeting/floor.ts';
import type { MeetingSession } from '../../shared/meeting/session.ts';
import type { ItemKind, Scenario } from '../../shared/scenario/index.ts';

export const SCENARIOS_DIR = resolve(import.meta.dirname, '../../scenarios');

/** Every scenario shipped in scenarios/*.yaml; a file that does not load fails the test run. */
export function loadShippedScenarios(): Scenario[] {
  return listScenarioFiles(SCENARIOS_DIR).map((file) => {
    const entry = loadScenarioFile(file);
    if (entry.status !== 'valid') {
      throw new Error(`${file} does not load: ${entry.issues.map((i) => i.message).join('; ')}`);
    }
    return entry.scenario;
  });
}

/** A simulated start time (09:00 in Shanghai), the same one simulateMeeting uses. */
export const T0 = Date.UTC(2026, 0, 15, 1, 0, 0);

/**
 * Which branch of `meeting.running` an agenda item of each kind routes to
 * (the `route` state's `always` transitions, written out by hand so that the
 * tests notice when the machine and this table disagree).
 */
export const BRANCH_OF_KIND: Record<ItemKind, string> = {
  statement: 'meeting.running.floor',
  speakers: 'meeting.running.floor',
  open_floor: 'meeting.running.floor',
  qa: 'meeting.running.floor',
  vote: 'meeting.running.ballot',
  election: 'meeting.running.ballot',
  signup: 'meeting.running.signup',
  actions: 'meeting.running.actions',
  break: 'meeting.running.recess',
};

export interface StateNodeInfo {
  path: string;
  type: string;
  /** Left at once by an unguarded `always` transition: never observed at rest. */
  transient: boolean;
}

interface NodeLike {
  path: string[];
  type: string;
  states: Record<string, NodeLike>;
  always?: readonly { guard?: unknown }[];
}

/** Every state node of the machine (compound, atomic, history), as dotted paths, depth first. */
export function machineStateNodes(session: MeetingSession): StateNodeInfo[] {
  const out: StateNodeInfo[] = [];
  const walk = (node: NodeLike) => {
    for (const child of Object.values(node.states)) {
      const transient = (child.always ?? []).some((t) => t.guard === undefined);
      out.push({ path: child.path.join('.'), type: child.type, transient });
      walk(child);
    }
  };
  walk(session.machineDefinition.root as unknown as NodeLike);
  return out;
}

/** A state path and all its ancestors: "meeting.running.floor.idle" → meeting, meeting.running, … */
export function withAncestors(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * The seats a realistic class fills before starting: each trainee card's
 * minimum (at least one for the chair and required cards), as simulateMeeting
 * does, without the random extras.
 */
export function seatPlan(scenario: Scenario): { id: string; roleId: string }[] {
  const seats: { id: string; roleId: string }[] = [];
  for (const role of scenario.roles.filter((r) => !r.npc)) {
    const count = Math.min(role.seats.max, Math.max(role.seats.min, role.chair || role.required ? 1 : 0));
    for (let i = 0; i < count; i++) seats.push({ id: `p${seats.length + 1}`, roleId: role.id });
  }
  return seats;
}

/** Deep equality that is fast when it holds and prints vitest's diff when it does not. */
export function expectSame<T>(actual: T, expected: T, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toStrictEqual(expected);
}

/**
 * What must hold of any meeting the engine can reach, whatever was sent to it.
 * Throws one error listing every violated invariant.
 */
export function assertInvariants(scenario: Scenario, session: MeetingSession): void {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const state = session.state;
  const ctx = session.context;
  const inMeeting = state === 'meeting' || state.startsWith('meeting.');
  const running = state.startsWith('meeting.running.');
  const roles = new Map(scenario.roles.map((r) => [r.id, r]));

  // Where the agenda stands: an item exactly while the meeting is on, and the state fits its kind.
  check(
    inMeeting === (ctx.item !== null),
    `context.item is ${ctx.item === null ? 'null' : 'set'} in ${state} (set exactly in meeting states)`,
  );
  const item = ctx.item ? scenario.agenda[ctx.item.index] : undefined;
  if (ctx.item) check(item !== undefined, `context.item.index ${ctx.item.index} is outside the agenda`);
  if (running && item) {
    const branch = BRANCH_OF_KIND[item.kind];
    check(
      state.startsWith(`${branch}.`) || state === branch,
      `item "${item.id}" (${item.kind}) but ${state}`,
    );
  }

  // The floor: held exactly in floor.speaking; nobody holds it outside floor items.
  if (state.startsWith('meeting.running.floor.')) {
    check(
      (state === 'meeting.running.floor.speaking') === (ctx.item?.floor != null),
      `${state} with floor ${JSON.stringify(ctx.item?.floor ?? null)}`,
    );
  }
  if (ctx.item?.floor) check(isFloorItem(item), `someone holds the floor in a ${item?.kind} item`);

  // The speakers list: no one twice, not the floor holder, only in floor items. Exceptions: a
  // fixed speakers list with several rounds lists each speaker once per round (the holder keeps
  // their later rounds), and a point of order waits beside a speaker's regular place, at most one each.
  if (ctx.item) {
    const rounds = item?.kind === 'speakers' && item.order !== 'queue' ? item.rounds : 1;
    const keys = ctx.item.queue.map((e) => speakerKey(e.speaker));
    const regular = ctx.item.queue.filter((e) => !e.pointOfOrder).map((e) => speakerKey(e.speaker));
    const points = ctx.item.queue.filter((e) => e.pointOfOrder).map((e) => speakerKey(e.speaker));
    const floor = ctx.item.floor;
    const holder = floor ? speakerKey(floor.speaker) : undefined;
    const turns = new Map<string, number>(holder && !floor?.pointOfOrder ? [[holder, 1]] : []);
    for (const key of regular) turns.set(key, (turns.get(key) ?? 0) + 1);
    for (const [key, count] of turns) {
      if (count <= rounds) continue;
      check(
        false,
        key === holder
          ? `the floor holder ${key} is also queued: ${keys.join(', ')}`
          : `duplicate speakers in the queue: ${keys.join(', ')}`,
      );
    }
    check(new Set(points).size === points.length, `two points of order from one speaker: ${keys.join(', ')}`);
    check(
      holder === undefined || !points.includes(holder),
      `the floor holder ${holder} also has a point of order waiting`,
    );
    check(keys.length === 0 || isFloorItem(item), `a queue in a ${item?.kind} item`);
  }

  // Cards: known trainee cards only, never beyond their seats.
  const held = new Map<string, number>();
  for (const p of Object.values(ctx.participants)) {
    if (p.roleId === null) continue;
    const role = roles.get(p.roleId);
    check(role !== undefined, `${p.id} holds an unknown card "${p.roleId}"`);
    check(role?.npc !== true, `${p.id} holds the npc card "${p.roleId}"`);
    held.set(p.roleId, (held.get(p.roleId) ?? 0) + 1);
  }
  for (const [roleId, count] of held) {
    const max = roles.get(roleId)?.seats.max ?? 0;
    check(count <= max, `${count} holders of "${roleId}" (max ${max})`);
  }

  // Ballots: only in ballot items; votes only from the voters fixed at opening.
  const ballot = ctx.item?.ballot ?? null;
  if (ctx.item)
    check((ballot !== null) === isBallotItem(item), `ballot ${ballot ? 'set' : 'null'} in ${item?.kind}`);
  if (ballot && item && isBallotItem(item)) {
    check(ballot.kind === item.kind, `a ${ballot.kind} ballot in a ${item.kind} item`);
    const voters = new Set(ballot.voters);
    for (const seat of [...Object.keys(ballot.votes), ...Object.keys(ballot.choices)]) {
      check(
        voters.has(seat),
        `a ballot from ${seat}, who is not among the voters ${ballot.voters.join(', ')}`,
      );
    }
    if (item.kind === 'vote') {
      for (const [seat, choice] of Object.entries(ballot.votes)) {
        check(item.options.includes(choice), `${seat} voted "${choice}", not an option`);
      }
      check(Object.keys(ballot.choices).length === 0, 'election choices in a vote');
    } else {
      const candidates = new Set(ballot.candidates);
      for (const [seat, choices] of Object.entries(ballot.choices)) {
        check(new Set(choices).size === choices.length, `${seat} chose a candidate twice`);
        check(choices.length <= item.maxChoices, `${seat} made ${choices.length} choices`);
        check(
          choices.every((c) => candidates.has(c)),
          `${seat} chose a non-candidate: ${choices.join(', ')}`,
        );
      }
      check(Object.keys(ballot.votes).length === 0, 'yes/no votes in an election');
    }
    check(new Set(ballot.nominations).size === ballot.nominations.length, 'someone nominated twice');
    checkElectorateBallot(scenario, ballot, item, check);
    const phase = state.startsWith('meeting.running.ballot.')
      ? state.slice('meeting.running.ballot.'.length)
      : null;
    if (phase === 'pending') {
      check(ballot.openedAt === undefined, 'ballot.pending but the ballot is open');
      check(
        Object.keys(ballot.votes).length + Object.keys(ballot.choices).length === 0,
        'ballots before opening',
      );
    }
    if (phase === 'open')
      check(ballot.openedAt !== undefined && ballot.closedAt === undefined, 'ballot.open but not open');
    if (phase === 'counted') check(ballot.closedAt !== undefined, 'ballot.counted but not closed');
  }

  // Pauses: pausedAt is set exactly while paused, and every earlier pause has ended.
  check((ctx.pausedAt !== null) === (state === 'meeting.paused'), `pausedAt ${ctx.pausedAt} in ${state}`);
  ctx.record.pauses.forEach((p, i, all) => {
    const last = i === all.length - 1;
    if (p.to === undefined) check(last && state === 'meeting.paused', `pause ${i} never ended (${state})`);
    else check(p.to >= p.from, `pause ${i} ends before it starts`);
  });

  // The record: intervals run forwards, nothing is dated after "now".
  for (const r of ctx.record.items) {
    check(r.end >= r.start, `item record "${r.item}" ends (${r.end}) before it starts (${r.start})`);
    check(r.overtimeMs >= 0 && r.end <= ctx.now, `item record "${r.item}" is inconsistent`);
  }
  for (const t of ctx.record.turns) {
    check(t.end >= t.start, `a turn in "${t.item}" ends before it starts`);
    check(t.overtimeMs >= 0 && t.end <= ctx.now, `a turn in "${t.item}" is inconsistent`);
  }
  const firedIds = ctx.record.injects.map((r) => r.inject);
  check(new Set(firedIds).size === firedIds.length, `an inject fired twice: ${firedIds.join(', ')}`);
  for (const p of ctx.pending) {
    const inject = scenario.injects.find((i) => i.id === p.inject);
    check(inject?.trigger.kind === 'scheduled', `pending inject "${p.inject}" is not a scheduled one`);
    check(!firedIds.includes(p.inject), `pending inject "${p.inject}" has already fired`);
  }
  for (const s of ctx.record.signups) {
    const signupItem = scenario.agenda.find((i) => i.id === s.item);
    check(
      signupItem?.kind === 'signup' && s.ask < signupItem.asks.length,
      `sign-up for ask ${s.ask} of "${s.item}"`,
    );
  }

  // Time: no clock runs outside the meeting or while it is paused.
  if (!inMeeting || state === 'meeting.paused') {
    check(session.nextDeadline() === null, `a deadline (${session.nextDeadline()}) in ${state}`);
  }

  if (problems.length > 0) {
    throw new Error(`invariants broken at ${state}:\n  - ${problems.join('\n  - ')}`);
  }
}

/** A vote of the electorate: one ballot per listed owner, cast by the seat that sits for it; tallies within the owners not listed. */
function checkElectorateBallot(
  scenario: Scenario,
  ballot: NonNullable<NonNullable<MeetingSession['context']['item']>['ballot']>,
  item: Extract<Scenario['agenda'][number], { kind: 'vote' | 'election' }>,
  check: (ok: boolean, what: string) => void,
): void {
  const eb = ballot.electorate;
  if (!eb) return;
  const electorate = scenario.electorate;
  check(electorate !== undefined, 'an electorate ballot in a scenario with no electorate');
  if (!electorate) return;
  const owners = new Set(electorate.owners.map((o) => o.id));
  const sitting = new Map<string, string>();
  for (const [seat, ids] of Object.entries(eb.seats)) {
    check(ballot.voters.includes(seat), `seat ${seat} casts for owners but is not a voter`);
    for (const id of ids) {
      check(owners.has(id), `seat ${seat} casts for ${id}, not an owner of the electorate`);
      check(!sitting.has(id), `owner ${id} sat for by ${sitting.get(id)} and ${seat}`);
      sitting.set(id, seat);
    }
  }
  for (const [owner, b] of Object.entries(eb.ballots)) {
    check(owners.has(owner), `a ballot for ${owner}, not an owner of the electorate`);
    if (b.source === 'room')
      check(sitting.get(owner) === b.seat, `${owner}'s room ballot from ${b.seat}, who does not sit for it`);
    if (item.kind === 'vote')
      check(b.choice !== undefined && item.options.includes(b.choice), `${owner} voted "${b.choice}"`);
    else
      check(
        b.choices !== undefined && b.choices.length <= item.maxChoices,
        `${owner} made ${b.choices?.length} choices`,
      );
  }
  const tallied = eb.tallies.reduce((n, t) => n + t.owners, 0);
  const units = eb.tallies.reduce((n, t) => n + t.areaUnits, 0);
  check(
    tallied <= electorate.unlisted.owners,
    `tallies count ${tallied} owners, more than ${electorate.unlisted.owners} not listed`,
  );
  check(
    units <= Math.round(electorate.unlisted.area_m2 * 10_000),
    'tallies count more area than the owners not listed hold',
  );
}
