// The live view for each kind of viewer. Pure: from the meeting's context,
// the coaching state and presence to exactly what one viewer may see.
// Trainee views are built in two steps — what every trainee sees, then the
// one trainee's own part — so a room of twenty shares the first step.
import type { CoachingState } from '../coaching/state.ts';
import type {
  BallotRecord,
  MeetingContext,
  MeetingRecord,
  StatementRecord,
  TurnRecord,
} from '../meeting/context.ts';
import type { ElectorateBallot } from '../meeting/electorate.ts';
import { isFloorItem, orderedQueue } from '../meeting/floor.ts';
import type { ElectionOutcome, Measure, VoteOutcome } from '../meeting/rules.ts';
import { speakingBySpeaker } from '../meeting/speaking.ts';
import { ballotStanding } from '../meeting/standing.ts';
import type { Scenario } from '../scenario/index.ts';
import { cardView, handoutView } from './scenario-public.ts';
import { sealedBallot } from './sealed-ballot.ts';
import type {
  Audience,
  BallotView,
  InjectStatus,
  ItemView,
  LiveView,
  OwnBallotOwner,
  ParticipantView,
  Phase,
  ReceivedInject,
  RecordView,
  SpeakingTotal,
  TipView,
} from './types.ts';

export interface MeetingSnapshot {
  seq: number;
  state: string;
  context: MeetingContext;
}

export interface LiveInput {
  scenario: Scenario;
  meeting: MeetingSnapshot;
  coaching: CoachingState;
  online: ReadonlySet<string>;
  /** Observers connected now (the facilitator hands stand-in cards to them). */
  observersOnline?: ReadonlySet<string>;
  now: number;
}

const sees = (audience: Audience) => audience === 'observer' || audience === 'facilitator';

export function phaseOf(state: string): Phase {
  if (state.startsWith('meeting.paused')) return 'paused';
  if (state.startsWith('meeting')) return 'running';
  return state as Phase;
}

function ballotView(input: LiveInput, audience: Audience): BallotView | null {
  const state = input.meeting.context.item;
  const ballot = state?.ballot;
  const item = state ? input.scenario.agenda[state.index] : undefined;
  if (!ballot || (item?.kind !== 'vote' && item?.kind !== 'election')) return null;
  const visible = sees(audience) || item.ballot === 'open';
  const standing = ballotStanding(input.scenario, input.meeting.context);
  return {
    kind: ballot.kind,
    open: ballot.openedAt !== undefined && ballot.closedAt === undefined,
    closed: ballot.closedAt !== undefined,
    voters: ballot.voters,
    candidates: ballot.candidates,
    nominations: ballot.nominations,
    castCount: Object.keys(ballot.kind === 'vote' ? ballot.votes : ballot.choices).length,
    ...(visible && ballot.kind === 'vote' && { votes: ballot.votes }),
    ...(visible && ballot.kind === 'election' && { choices: ballot.choices }),
    ...(standing && { turnout: standing.turnout }),
    ...(standing && sees(audience) && { standing }),
  };
}

function itemView(input: LiveInput, audience: Audience): ItemView | null {
  const state = input.meeting.context.item;
  const item = state ? input.scenario.agenda[state.index] : undefined;
  if (!state || !item) return null;
  return {
    index: state.index,
    id: item.id,
    startedAt: state.startedAt,
    ...(state.deadline !== undefined && { deadline: state.deadline }),
    ...(state.timeUpAt !== undefined && { timeUpAt: state.timeUpAt }),
    queue: isFloorItem(item) ? orderedQueue(item, state.queue, input.meeting.context.record) : [],
    floor: state.floor,
    ballot: ballotView(input, audience),
  };
}

// Secret ballots reach the room sealed until the debrief (sealed-ballot.ts).
export {
  ballotForDebrief as ballotForRoom,
  secretElectionOutcome,
  secretVoteOutcome,
} from './sealed-ballot.ts';

/** The live view carries at least this many of the latest turns and statements, and fewer than twice as many. */
export const RECORD_WINDOW = 16;

/**
 * Where the live view's window over a list of `count` starts. It moves in
 * steps of RECORD_WINDOW, so between steps a new entry is a plain append in
 * the patch, and a step costs one resend of at most RECORD_WINDOW entries.
 */
export function windowStart(count: number): number {
  return count < 2 * RECORD_WINDOW ? 0 : Math.floor((count - RECORD_WINDOW) / RECORD_WINDOW) * RECORD_WINDOW;
}

interface RecordFigures {
  speaking: Record<string, SpeakingTotal>;
  turnsByItem: Record<string, number>;
}

/** Derived once per record (a record is never changed in place: a new one is a new object). */
const figures = new WeakMap<MeetingRecord, RecordFigures>();

/** Speaking per speaker and turns per item over the whole attempt: the figures the screens show. */
export function recordFigures(record: MeetingRecord): RecordFigures {
  let found = figures.get(record);
  if (found) return found;
  const turnsByItem: Record<string, number> = {};
  for (const turn of record.turns) turnsByItem[turn.item] = (turnsByItem[turn.item] ?? 0) + 1;
  found = { speaking: speakingBySpeaker(record), turnsByItem };
  figures.set(record, found);
  return found;
}

function recordView(input: LiveInput, audience: Audience): RecordView {
  const { record } = input.meeting.context;
  const { turns, statements } = record;
  // Named field by field (the record's injects stay out): a new record field reaches no one by default.
  return {
    ...(record.startedAt !== undefined && { startedAt: record.startedAt }),
    ...(record.endedAt !== undefined && { endedAt: record.endedAt }),
    items: record.items,
    ballots: sees(audience) ? record.ballots : record.ballots.map(sealedBallot),
    signups: record.signups,
    actions: record.actions,
    pauses: record.pauses,
    turns: turns.slice(windowStart(turns.length)),
    statements: statements.slice(windowStart(statements.length)),
    turnCount: turns.length,
    statementCount: statements.length,
    ...recordFigures(record),
  };
}

export type RecordList = 'statements' | 'turns';

export interface RecordPage {
  attempt: number;
  list: RecordList;
  /** Index of items[0] in the attempt's list. */
  from: number;
  items: StatementRecord[] | TurnRecord[];
  /** How many the list has in all. */
  count: number;
}

/**
 * Older turns or statements of the current attempt, for any viewer: the
 * `limit` entries before index `before` (exclusive). Turns and statements
 * hold nothing that differs by audience (the live view carries the same).
 */
export function recordPage(ctx: MeetingContext, list: RecordList, before: number, limit: number): RecordPage {
  const all: readonly (StatementRecord | TurnRecord)[] =
    list === 'statements' ? ctx.record.statements : ctx.record.turns;
  const end = Math.max(0, Math.min(before, all.length));
  const from = Math.max(0, end - limit);
  return {
    attempt: ctx.attempt,
    list,
    from,
    items: all.slice(from, end) as StatementRecord[] | TurnRecord[],
    count: all.length,
  };
}

/** Injects a trainee holding `roleId` (or, with null, the projector) has received. */
export function receivedInjects(
  scenario: Scenario,
  ctx: MeetingContext,
  roleId: string | null,
): ReceivedInject[] {
  return ctx.record.injects.flatMap((fired) => {
    const inject = scenario.injects.find((i) => i.id === fired.inject);
    if (!inject || inject.to === 'observers') return [];
    if (inject.to !== 'all' && (roleId === null || !inject.to.includes(roleId))) return [];
    return [{ id: inject.id, title: inject.title, body: inject.body, firedAt: fired.firedAt }];
  });
}

function injectStatuses(scenario: Scenario, ctx: MeetingContext): InjectStatus[] {
  return scenario.injects.map((inject) => {
    const fired = ctx.record.injects.find((r) => r.inject === inject.id);
    const due = ctx.pending.find((p) => p.inject === inject.id)?.dueAt;
    return {
      id: inject.id,
      title: inject.title,
      body: inject.body,
      firedAt: fired?.firedAt ?? 0,
      to: inject.to,
      trigger: inject.trigger.kind,
      ...(inject.expect && { expect: inject.expect }),
      ...(inject.competency && { competency: inject.competency }),
      ...(due !== undefined && { dueAt: due }),
      fired: fired !== undefined,
      ...(fired && { firedBy: fired.by }),
      ...(fired?.respondBy !== undefined && { respondBy: fired.respondBy }),
      ...(fired?.respondedAt !== undefined && { respondedAt: fired.respondedAt }),
    };
  });
}

/**
 * Who is in the meeting. A stand-in reaches the room as its character only:
 * no name, always present, nothing of the expert behind it. The single-sided
 * screen sees the expert's id and name, and whether the expert is connected.
 * A retired stand-in (its card taken back) is no longer in the meeting.
 */
function participantViews(input: LiveInput, audience: Audience): ParticipantView[] {
  const { participants } = input.meeting.context;
  return Object.values(participants).flatMap((p): ParticipantView[] => {
    if (p.playedBy === undefined)
      return [{ id: p.id, name: p.name, roleId: p.roleId, mood: p.mood, online: input.online.has(p.id) }];
    if (p.roleId === null) return [];
    if (!sees(audience)) return [{ id: p.id, name: '', roleId: p.roleId, mood: p.mood, online: true }];
    return [
      {
        id: p.id,
        name: input.coaching.observers[p.playedBy]?.name ?? '',
        roleId: p.roleId,
        mood: p.mood,
        online: input.observersOnline?.has(p.playedBy) ?? false,
        playedBy: p.playedBy,
      },
    ];
  });
}

/** Everything but the trainee's own part: shared by every viewer of one audience. */
export function projectLive(input: LiveInput, audience: Audience): LiveView {
  const ctx = input.meeting.context;
  const view: LiveView = {
    seq: input.meeting.seq,
    serverNow: input.now,
    attempt: ctx.attempt,
    state: input.meeting.state,
    phase: phaseOf(input.meeting.state),
    participants: participantViews(input, audience),
    item: itemView(input, audience),
    record: recordView(input, audience),
    injects: sees(audience)
      ? injectStatuses(input.scenario, ctx)
      : audience === 'projector'
        ? receivedInjects(input.scenario, ctx, null)
        : [],
    attemptsBefore: ctx.earlierAttempts.length,
  };
  if (sees(audience)) {
    view.coaching = input.coaching;
    view.observersOnline = [...(input.observersOnline ?? [])].filter((id) =>
      Object.hasOwn(input.coaching.observers, id),
    );
    view.settings = {
      observersMayFireInjects: ctx.observersMayFireInjects,
      injectors: ctx.injectors ?? null,
    };
  }
  return view;
}

function tipsFor(coaching: CoachingState, participantId: string): TipView[] {
  return coaching.tips
    .filter((t) => t.to === participantId || t.to === 'all')
    .map((t) => {
      const receipt = t.receipts[participantId];
      return {
        id: t.id,
        text: t.text,
        sentAt: t.sentAt,
        broadcast: t.to === 'all',
        ...(receipt?.readAt !== undefined && { readAt: receipt.readAt }),
        ...(receipt?.ackAt !== undefined && { ackAt: receipt.ackAt }),
      };
    });
}

/** A trainee's own part of the live view: their card, private handouts, tips, ballot and the injects their card received. */
export type OwnPart = Required<Pick<LiveView, 'me' | 'injects'>>;

/** The keys of the live view that belong to one trainee; the shared trainee view never changes them. */
export const OWN_KEYS = ['me', 'injects'] as const satisfies readonly (keyof OwnPart)[];

export function ownPart(input: LiveInput, participantId: string): OwnPart {
  const ctx = input.meeting.context;
  const participant = ctx.participants[participantId];
  const roleId = participant?.roleId ?? null;
  const role = roleId ? input.scenario.roles.find((r) => r.id === roleId) : undefined;
  const card = role ? cardView(role) : null;
  const ballot = ctx.item?.ballot;
  const mine = ballot ? (ballot.votes[participantId] ?? ballot.choices[participantId]) : undefined;
  const owners = ownOwners(input.scenario, ballot?.electorate, participantId);
  return {
    injects: receivedInjects(input.scenario, ctx, roleId),
    me: {
      participantId,
      name: participant?.name ?? '',
      card,
      handouts: roleId
        ? input.scenario.handouts.filter((h) => h.to !== 'all' && h.to.includes(roleId)).map(handoutView)
        : [],
      tips: tipsFor(input.coaching, participantId),
      plan: input.coaching.plan
        .filter((p) => p.participantId === participantId && p.attempt < ctx.attempt)
        .map((p) => ({ id: p.id, attempt: p.attempt, text: p.text })),
      ...(mine !== undefined && { ballot: mine }),
      ...(owners && { owners }),
    },
  };
}

/** The owners a seat casts for in an open vote of the electorate, with their own ballots. */
function ownOwners(
  scenario: Scenario,
  eb: ElectorateBallot | undefined,
  participantId: string,
): OwnBallotOwner[] | undefined {
  const electorate = scenario.electorate;
  if (!eb || !electorate || !Object.hasOwn(eb.seats, participantId)) return undefined;
  return (eb.seats[participantId] ?? []).flatMap((id) => {
    const owner = electorate.owners.find((o) => o.id === id);
    if (!owner) return [];
    const cast = Object.hasOwn(eb.ballots, id) ? eb.ballots[id] : undefined;
    return [
      {
        id,
        name: owner.name,
        flats: owner.flats,
        area_m2: owner.area_m2,
        proxy: eb.proxies.includes(id),
        ...(cast && { source: cast.source }),
        // A paper ballot for an owner this seat sits for: that it came in, not what it says.
        ...(cast?.source === 'room' && { mine: cast.choices ?? cast.choice }),
      },
    ];
  });
}

/**
 * Everything ownPart reads. State is never mutated in place, so while each
 * of these is the same object as before, the trainee's own part is unchanged
 * and need not be rebuilt (a fan-out checks this for every trainee).
 */
export function ownPartDependencies(input: LiveInput, participantId: string): readonly unknown[] {
  const ctx = input.meeting.context;
  return [
    input.scenario,
    ctx.participants[participantId],
    ctx.item?.ballot,
    ctx.record.injects,
    ctx.attempt,
    input.coaching.tips,
    input.coaching.plan,
  ];
}

/** Adds one trainee's own part to the shared trainee view. */
export function personalize(shared: LiveView, input: LiveInput, participantId: string): LiveView {
  return { ...shared, ...ownPart(input, participantId) };
}

export function projectTrainee(input: LiveInput, participantId: string): LiveView {
  return personalize(projectLive(input, 'trainee'), input, participantId);
}
