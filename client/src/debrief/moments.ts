// The debrief timeline's moments: the facts of one attempt's record (items,
// turns, statements, counted ballots, injects, tips, markers, decisions),
// each anchored to the log entry it happened at, so clicking a moment can ask
// the server for "the meeting at that moment" (state_at). Pure.
import type { AttemptDebrief, DebriefMarker } from '../../../shared/debrief/build.ts';
import type { InjectResponse } from '../../../shared/debrief/figures.ts';
import type {
  ActionRecord,
  BallotRecord,
  SignupRecord,
  StatementRecord,
  TurnRecord,
} from '../../../shared/meeting/context.ts';
import type { TimelineEntry } from '../../../shared/views/types.ts';

export type Tip = AttemptDebrief['tips'][number];

export type Fact =
  | { kind: 'item'; item: string; start: number; end: number; overtimeMs: number }
  | { kind: 'meeting'; what: 'begin' | 'end' | 'pause' | 'resume' }
  | { kind: 'voteOpen'; item: string | null }
  | { kind: 'turn'; turn: TurnRecord }
  | { kind: 'statement'; statement: StatementRecord }
  | { kind: 'ballot'; ballot: BallotRecord }
  | { kind: 'inject'; response: InjectResponse; competency?: string }
  | { kind: 'tip'; tipId: string; text: string; broadcast: boolean; sentAt: number; followUps: Tip[] }
  | { kind: 'marker'; marker: DebriefMarker }
  /** `who` names a card; `holders` are the trainees who held it in this attempt. */
  | { kind: 'action'; action: ActionRecord; holders: string[] }
  | { kind: 'signup'; signup: SignupRecord };

export interface Moment {
  seq: number;
  at: number;
  facts: Fact[];
}

/** The order of facts within one moment: what a command closed, then what it opened. */
const ORDER: Fact['kind'][] = [
  'ballot',
  'meeting',
  'item',
  'voteOpen',
  'turn',
  'statement',
  'inject',
  'tip',
  'marker',
  'action',
  'signup',
];

/** The trainees a fact is about (empty for the room's own facts: items, ballots, injects). */
export function peopleOf(fact: Fact): string[] {
  switch (fact.kind) {
    case 'turn':
      return fact.turn.speaker.kind === 'participant' ? [fact.turn.speaker.id] : ['npc'];
    case 'statement':
      return fact.statement.speaker.kind === 'participant' ? [fact.statement.speaker.id] : ['npc'];
    case 'tip':
      return fact.followUps.map((f) => f.participantId);
    case 'marker':
      return fact.marker.participantId ? [fact.marker.participantId] : [];
    case 'action':
      return fact.holders;
    case 'signup':
      return [fact.signup.participant];
    default:
      return [];
  }
}

export function competencyOf(fact: Fact): string | undefined {
  if (fact.kind === 'marker') return fact.marker.competency;
  if (fact.kind === 'inject') return fact.competency;
  return undefined;
}

export interface MomentFilter {
  participantId: string;
  competency: string;
}

export function keepFact(fact: Fact, filter: MomentFilter): boolean {
  // Agenda items stay as the timeline's landmarks.
  if (fact.kind === 'item') return true;
  if (filter.participantId) {
    const people = peopleOf(fact);
    if (people.length > 0 && !people.includes(filter.participantId)) return false;
  }
  if (filter.competency && competencyOf(fact) !== filter.competency) return false;
  return true;
}

/** The log entry a fact happened at: the matching command, else the nearest entry in time. */
function anchorer(timeline: readonly TimelineEntry[]) {
  return (at: number, match?: (e: TimelineEntry) => boolean, after = false): TimelineEntry | undefined => {
    const exact = match ? timeline.find(match) : undefined;
    if (exact) return exact;
    if (after) return timeline.find((e) => e.at >= at) ?? timeline.at(-1);
    return timeline.findLast((e) => e.at <= at) ?? timeline[0];
  };
}

const is =
  (types: string[], at?: number) =>
  (e: TimelineEntry): boolean =>
    types.includes(e.type) && (at === undefined || e.at === at);

export function buildMoments(
  attempt: AttemptDebrief,
  injectCompetency: (injectId: string) => string | undefined,
): Moment[] {
  const { timeline, record } = attempt;
  const anchor = anchorer(timeline);
  const bySeq = new Map<number, Moment>();
  const add = (entry: TimelineEntry | undefined, fact: Fact) => {
    if (!entry) return;
    const moment = bySeq.get(entry.seq) ?? { seq: entry.seq, at: entry.at, facts: [] };
    moment.facts.push(fact);
    bySeq.set(entry.seq, moment);
  };

  for (const e of timeline) {
    if (e.type === 'meeting.begin') add(e, { kind: 'meeting', what: 'begin' });
    if (e.type === 'meeting.end') add(e, { kind: 'meeting', what: 'end' });
    if (e.type === 'meeting.pause') add(e, { kind: 'meeting', what: 'pause' });
    if (e.type === 'meeting.resume') add(e, { kind: 'meeting', what: 'resume' });
    if (e.type === 'vote.open') add(e, { kind: 'voteOpen', item: itemAt(attempt, e.at) });
  }
  for (const item of record.items) {
    const entry = anchor(item.start, is(['item.next', 'item.goto', 'meeting.begin'], item.start), true);
    add(entry, { kind: 'item', ...item });
  }
  for (const turn of record.turns) {
    add(anchor(turn.start, is(['floor.give', 'item.next', 'item.goto'], turn.start), true), {
      kind: 'turn',
      turn,
    });
  }
  for (const statement of record.statements) {
    const match = (e: TimelineEntry) =>
      (e.type === 'statement.post' || e.type === 'npc.say') &&
      e.at === statement.at &&
      e.data.text === statement.text;
    add(anchor(statement.at, match), { kind: 'statement', statement });
  }
  for (const ballot of record.ballots) {
    add(anchor(ballot.at, is(['vote.close', 'item.next', 'item.goto', 'meeting.end'], ballot.at), true), {
      kind: 'ballot',
      ballot,
    });
  }
  for (const response of attempt.injects) {
    const match = (e: TimelineEntry) => e.type === 'inject.fire' && e.data.injectId === response.inject;
    const competency = injectCompetency(response.inject);
    add(anchor(response.firedAt, match, true), {
      kind: 'inject',
      response,
      ...(competency && { competency }),
    });
  }
  const tips = new Map<string, Tip[]>();
  for (const followUp of attempt.tips)
    tips.set(followUp.tipId, [...(tips.get(followUp.tipId) ?? []), followUp]);
  for (const [tipId, followUps] of tips) {
    const first = followUps[0] as Tip;
    const match = (e: TimelineEntry) =>
      (e.type === 'tip.whisper' || e.type === 'tip.broadcast') && e.data.tipId === tipId;
    add(anchor(first.sentAt, match), {
      kind: 'tip',
      tipId,
      text: first.text,
      broadcast: first.broadcast,
      sentAt: first.sentAt,
      followUps,
    });
  }
  for (const marker of attempt.markers) {
    const match = (e: TimelineEntry) => e.type === 'marker.drop' && e.data.markerId === marker.id;
    add(anchor(marker.at, match), { kind: 'marker', marker });
  }
  for (const action of record.actions) {
    const holders = Object.entries(attempt.cards)
      .filter(([, roleId]) => action.who !== undefined && roleId === action.who)
      .map(([participantId]) => participantId);
    add(anchor(action.at, is(['action.record'], action.at)), { kind: 'action', action, holders });
  }
  for (const signup of record.signups) {
    add(anchor(signup.at, is(['signup.commit'], signup.at)), { kind: 'signup', signup });
  }

  const moments = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  for (const moment of moments) moment.facts.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return moments;
}

/** The agenda item under way at a time, from the record. */
export function itemAt(attempt: AttemptDebrief, at: number): string | null {
  return attempt.record.items.find((i) => i.start <= at && at <= i.end)?.item ?? null;
}
