// The live view for each kind of viewer. Pure: from the meeting's context,
// the coaching state and presence to exactly what one viewer may see.
// Trainee views are built in two steps — what every trainee sees, then the
// one trainee's own part (own-part.ts) — so a room of twenty shares the first
// step. The record window is in live-record.ts, the injects in live-injects.ts.
import { isFloorItem, orderedQueue } from '../meeting/floor.ts';
import { ballotStanding } from '../meeting/standing.ts';
import { injectStatuses, receivedInjects } from './live-injects.ts';
import { type LiveInput, seesAll } from './live-input.ts';
import { recordView } from './live-record.ts';
import { personalize } from './own-part.ts';
import type { Audience, BallotView, ItemView, LiveView, ParticipantView, Phase } from './types.ts';

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
  const visible = seesAll(audience) || item.ballot === 'open';
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
    ...(standing && seesAll(audience) && { standing }),
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
    if (!seesAll(audience)) return [{ id: p.id, name: '', roleId: p.roleId, mood: p.mood, online: true }];
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
    injects: seesAll(audience)
      ? injectStatuses(input.scenario, ctx)
      : audience === 'projector'
        ? receivedInjects(input.scenario, ctx, null)
        : [],
    attemptsBefore: ctx.earlierAttempts.length,
  };
  if (seesAll(audience)) {
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

export function projectTrainee(input: LiveInput, participantId: string): LiveView {
  return personalize(projectLive(input, 'trainee'), input, participantId);
}
