// The debrief for one viewer: per attempt, the timeline, participation,
// inject responses, tips and what followed them, markers, rubric scores,
// improvement plans and minutes; secrets revealed side by side; and the
// comparison across attempts. Trainees see their own debrief: public events,
// their own tips and scores, markers the experts chose to share, and
// injects addressed to them — the same visibility as their screens.
import type { CoachingState, Marker, PlanItem } from '../coaching/state.ts';
import type { LogEntry } from '../log/entry.ts';
import type { MeetingContext, MeetingRecord } from '../meeting/context.ts';
import { type Minutes, minutesFromContext } from '../meeting/minutes.ts';
import type { Role, Scenario } from '../scenario/index.ts';
import { numberFrom } from '../views/numbering.ts';
import { cardView } from '../views/scenario-public.ts';
import { ballotForDebrief, sealedBallot } from '../views/sealed-ballot.ts';
import { projectTimeline } from '../views/timeline.ts';
import type { TimelineEntry } from '../views/types.ts';
import {
  type InjectResponse,
  injectResponses,
  type ParticipationFigures,
  participation,
  type TipFollowUp,
  tipFollowUps,
} from './figures.ts';
import { NOTHING_RELEASED, releasedCoaching, type ScoreRelease } from './release.ts';
import { aggregateScores, type ScoreAggregate } from './scores.ts';

export type DebriefViewer =
  | { audience: 'trainee'; participantId: string }
  | { audience: 'observer' | 'facilitator' };

export interface DebriefInput {
  scenario: Scenario;
  context: MeetingContext;
  /** The state's path: secrets are revealed to trainees only once the meeting is closed. */
  state: string;
  coaching: CoachingState;
  log: readonly LogEntry[];
  /** The zone the minutes give clock times in: the server's setting (Shanghai when absent). */
  timeZone?: string;
  /** Which attempts' scoring the instructor has released to trainees (release.ts); none when absent. */
  release?: ScoreRelease;
}

/** Coaching records as a debrief shows them: without the expert's id in a trainee's debrief. */
export type DebriefMarker = Omit<Marker, 'observerId'> & { observerId?: string };
export type DebriefPlanItem = Omit<PlanItem, 'observerId'> & { observerId?: string };

export interface AttemptDebrief {
  attempt: number;
  current: boolean;
  /** participantId → role card held in this attempt. */
  cards: Record<string, string | null>;
  record: MeetingRecord;
  participation: ParticipationFigures[];
  injects: InjectResponse[];
  tips: (TipFollowUp & { text: string; broadcast: boolean })[];
  markers: DebriefMarker[];
  scores: ScoreAggregate[];
  plan: DebriefPlanItem[];
  minutes: Minutes;
  timeline: TimelineEntry[];
}

export interface ComparisonRow {
  participantId: string;
  attempt: number;
  roleId: string | null;
  /** competency → mean of the experts' scores. */
  competencies: Record<string, number>;
  speakingMs: number;
  turns: number;
  overtimeMs: number;
  pointsOfOrder: number;
}

/**
 * A seat as the debrief names it. A stand-in (a card an expert played) has
 * `standIn`: with the expert's id and name for observers and the facilitator;
 * empty, with no name, in a trainee's copy, which says only that an expert played it.
 */
export interface DebriefParticipant {
  id: string;
  name: string;
  standIn?: { observerId?: string };
}

export interface DebriefView {
  viewer: DebriefViewer;
  scenarioId: string;
  participants: DebriefParticipant[];
  attempts: AttemptDebrief[];
  /** Every card's private side, when the scenario reveals secrets and the meeting is over (always for observers). */
  secrets: Role[] | null;
  comparison: ComparisonRow[];
  questions: Scenario['debrief']['questions'];
  /** Which attempts' scores and plan items trainees may see (a trainee's copy holds only those). */
  release: ScoreRelease;
}

/** Log entries by attempt: a retake starts the next one. */
export function splitByAttempt(log: readonly LogEntry[]): Map<number, LogEntry[]> {
  const byAttempt = new Map<number, LogEntry[]>();
  let attempt = 1;
  for (const entry of log) {
    const list = byAttempt.get(attempt) ?? [];
    list.push(entry);
    byAttempt.set(attempt, list);
    if (entry.payload.kind === 'meeting' && entry.payload.command.type === 'meeting.retake') attempt++;
  }
  return byAttempt;
}

function addressedTo(scenario: Scenario, injectId: string, roleId: string | null): boolean {
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject || inject.to === 'observers') return false;
  return inject.to === 'all' || (roleId !== null && inject.to.includes(roleId));
}

/**
 * A trainee's copy of a record: only injects addressed to them; secret ballots without who voted
 * what, and without the area totals the rule does not count (they can name a voter). Until the
 * debrief opens, the current attempt's secret ballots stay sealed, as on the live screens.
 */
function recordFor(
  scenario: Scenario,
  record: MeetingRecord,
  roleId: string | null,
  sealed: boolean,
): MeetingRecord {
  // Field by field, like the live view's record: a new record field reaches no trainee by default.
  return {
    ...(record.startedAt !== undefined && { startedAt: record.startedAt }),
    ...(record.endedAt !== undefined && { endedAt: record.endedAt }),
    items: record.items,
    turns: record.turns,
    statements: record.statements,
    ballots: record.ballots.map(sealed ? sealedBallot : ballotForDebrief),
    injects: record.injects.filter((r) => addressedTo(scenario, r.inject, roleId)),
    signups: record.signups,
    actions: record.actions,
    pauses: record.pauses,
  };
}

/** Observers are invisible to trainees: their ids leave a trainee's debrief. */
function anonymous<T extends { observerId?: string }>(x: T): Omit<T, 'observerId'> {
  const { observerId: _, ...rest } = x;
  return rest;
}

export function buildDebrief(input: DebriefInput, viewer: DebriefViewer): DebriefView {
  const { scenario, context } = input;
  const me = viewer.audience === 'trainee' ? viewer.participantId : undefined;
  const release = input.release ?? NOTHING_RELEASED;
  // Staged release: a trainee's copy is built without the scoring not yet released.
  const coaching = me ? releasedCoaching(input.coaching, release) : input.coaching;
  const logs = splitByAttempt(input.log);
  const currentCards = Object.fromEntries(Object.values(context.participants).map((p) => [p.id, p.roleId]));
  const attempts = [
    ...context.earlierAttempts.map((a) => ({
      attempt: a.attempt,
      record: a.record,
      cards: a.cards,
      current: false,
    })),
    { attempt: context.attempt, record: context.record, cards: currentCards, current: true },
  ];
  // Trainees: the seats tips, scores and comparisons are about (not the cards experts played).
  const participantIds = Object.values(context.participants)
    .filter((p) => p.playedBy === undefined)
    .map((p) => p.id);
  const trainee = new Set(participantIds);
  const experts = me
    ? undefined
    : Object.fromEntries(Object.values(coaching.observers).map((o) => [o.id, o.name]));
  // Earlier attempts are over; the current one's secret ballots open with the debrief.
  const sealedNow = input.state !== 'debrief';
  // Minutes come from the same filtered records, so a trainee's minutes hold only what they may see.
  const minutesContext: MeetingContext = me
    ? {
        ...context,
        record: recordFor(scenario, context.record, currentCards[me] ?? null, sealedNow),
        earlierAttempts: context.earlierAttempts.map((a) => ({
          ...a,
          record: recordFor(scenario, a.record, a.cards[me] ?? null, false),
        })),
      }
    : context;
  const timelineViewer = me
    ? ({ audience: 'trainee', participantId: me } as const)
    : { audience: viewer.audience };

  // A trainee's timelines are numbered in its own sequence, across attempts (views/numbering.ts).
  let nextNumber = 1;
  // The order experts joined in; one who scored without a join on record comes after, by first score.
  const observerOrder = [
    ...new Set([...Object.keys(coaching.observers), ...coaching.scores.map((x) => x.observerId)]),
  ];
  const expertNumber = (observerId: string | undefined) =>
    observerId === undefined ? 0 : observerOrder.indexOf(observerId) + 1;
  const built: AttemptDebrief[] = attempts.map(({ attempt, record, cards, current }) => {
    const roleId = me ? (cards[me] ?? null) : null;
    const visibleRecord = me ? recordFor(scenario, record, roleId, current && sealedNow) : record;
    const tips = coaching.tips.filter((t) => t.attempt === attempt && (!me || t.to === me || t.to === 'all'));
    const followUps = tipFollowUps(
      tips,
      logs.get(attempt) ?? [],
      me ? [me] : participantIds.filter((id) => cards[id]),
    )
      .filter((f) => !me || f.participantId === me)
      .map((f) => {
        const tip = tips.find((t) => t.id === f.tipId);
        return { ...f, text: tip?.text ?? '', broadcast: tip?.to === 'all' };
      });
    const markers = coaching.markers.filter(
      (m) =>
        m.attempt === attempt &&
        (!me || (m.shared && (m.participantId === me || m.participantId === undefined))),
    );
    const visibleMarkers = new Set(markers.map((m) => m.id));
    const aggregates = aggregateScores(
      coaching.scores.filter((s) => s.attempt === attempt && (!me || s.participantId === me)),
    );
    // A trainee's scores name neither the experts nor the markers they may not see.
    const scores = me
      ? aggregates.map((a) => ({
          ...a,
          scores: a.scores.map((s) => ({
            ...anonymous(s),
            expert: expertNumber(s.observerId),
            markerIds: s.markerIds.filter((id) => visibleMarkers.has(id)),
          })),
        }))
      : aggregates;
    const plan = coaching.plan.filter((p) => p.attempt === attempt && (!me || p.participantId === me));
    const projected = projectTimeline(scenario, logs.get(attempt) ?? [], { ...timelineViewer, roleId });
    const timeline = me ? numberFrom(projected, nextNumber) : projected;
    nextNumber += projected.length;
    return {
      attempt,
      current,
      cards,
      record: visibleRecord,
      participation: participation(visibleRecord),
      injects: injectResponses(scenario, visibleRecord),
      tips: followUps,
      markers: me ? markers.map(anonymous) : markers,
      scores,
      plan: me ? plan.map(anonymous) : plan,
      minutes: minutesFromContext(scenario, minutesContext, attempt, {
        ...(experts && { experts }),
        ...(input.timeZone && { timeZone: input.timeZone }),
      }),
      timeline,
    };
  });

  const over = input.state === 'closed' || input.state === 'debrief';
  const showSecrets = !me || (scenario.debrief.revealSecrets && over);
  const comparison = built.flatMap((a) =>
    Object.entries(a.cards)
      .filter(([id, roleId]) => roleId !== null && trainee.has(id) && (!me || id === me))
      .map(([participantId, roleId]) => {
        const figures = a.participation.find((f) => f.participantId === participantId);
        const competencies = Object.fromEntries(
          a.scores.filter((s) => s.participantId === participantId).map((s) => [s.competency, s.mean]),
        );
        return {
          participantId,
          attempt: a.attempt,
          roleId,
          competencies,
          speakingMs: figures?.speakingMs ?? 0,
          turns: figures?.turns ?? 0,
          overtimeMs: figures?.overtimeMs ?? 0,
          pointsOfOrder: figures?.pointsOfOrder ?? 0,
        };
      }),
  );
  return {
    viewer,
    scenarioId: scenario.id,
    participants: Object.values(context.participants).map((p): DebriefParticipant => {
      if (p.playedBy === undefined) return { id: p.id, name: p.name };
      if (me) return { id: p.id, name: '', standIn: {} };
      return {
        id: p.id,
        name: coaching.observers[p.playedBy]?.name ?? '',
        standIn: { observerId: p.playedBy },
      };
    }),
    attempts: built,
    // A trainee's copy names each card's fields (views/scenario-public.ts), so nothing new rides along.
    secrets: showSecrets ? (me ? scenario.roles.map(cardView) : scenario.roles) : null,
    comparison,
    questions: scenario.debrief.questions,
    release,
  };
}
