// What a client receives. Two parts: the static view (the scenario as this
// viewer may read it, sent once on connect) and the live view (the meeting
// now, sent on every change). Both are outputs of the projections in this
// folder and of nothing else.
import type { CoachingState, Tip } from '../coaching/state.ts';
import type {
  ActionRecord,
  BallotRecord,
  FloorTurn,
  InjectRecord,
  ItemRecord,
  Mood,
  QueueEntry,
  SignupRecord,
  StatementRecord,
  TurnRecord,
} from '../meeting/context.ts';
import type { BallotSource } from '../meeting/electorate.ts';
import type { Choice } from '../meeting/rules.ts';
import type { SpeakingFigures } from '../meeting/speaking.ts';
import type { BallotStanding, Turnout } from '../meeting/standing.ts';
import type { Handout, LocalText, Role, Scenario } from '../scenario/index.ts';
import type { PublicScenario } from './scenario-public.ts';

export type Audience = 'trainee' | 'projector' | 'observer' | 'facilitator';

export type StaticView = { kind: 'public'; scenario: PublicScenario } | { kind: 'full'; scenario: Scenario };

export type Phase = 'lobby' | 'briefing' | 'running' | 'paused' | 'closed' | 'debrief';

export interface ParticipantView {
  id: string;
  /** Empty for a card an expert plays, as the room sees it: there is only the character. */
  name: string;
  roleId: string | null;
  mood: Mood | null;
  online: boolean;
  /** Observers and the facilitator only: the observer who plays this stand-in card (then `name` is theirs). */
  playedBy?: string;
}

export interface BallotView {
  kind: 'vote' | 'election';
  open: boolean;
  closed: boolean;
  /** Eligible seats, fixed when the vote opened. */
  voters: string[];
  candidates: string[];
  nominations: string[];
  /** How many ballots are in. */
  castCount: number;
  /** Who voted what: open ballots for everyone, secret ballots for observers and the facilitator only. */
  votes?: Record<string, Choice>;
  choices?: Record<string, string[]>;
  /** Turnout against the quorum's whole, for everyone: counts only, never choices. */
  turnout?: Turnout;
  /** Observers and the facilitator: the whole count as it stands, owner by owner. */
  standing?: BallotStanding;
}

export interface ItemView {
  index: number;
  id: string;
  startedAt: number;
  deadline?: number;
  timeUpAt?: number;
  /** In calling order: points of order first, balance applied. */
  queue: QueueEntry[];
  floor: FloorTurn | null;
  ballot: BallotView | null;
}

/** An inject as a trainee or the projector sees it: only once fired, and only if addressed to them. */
export interface ReceivedInject {
  id: string;
  title: LocalText;
  body: LocalText;
  firedAt: number;
}

/** An inject as observers and the facilitator see it: everything, fired or not. */
export interface InjectStatus extends ReceivedInject {
  to: 'all' | 'observers' | string[];
  trigger: 'scheduled' | 'manual' | 'spare';
  expect?: LocalText;
  competency?: string;
  /** When a scheduled inject is due (while its item runs). */
  dueAt?: number;
  fired: boolean;
  firedBy?: InjectRecord['by'];
  respondBy?: number;
  respondedAt?: number;
}

/** One speaker's figures over every turn and statement of the attempt (shared/meeting/speaking.ts). */
export type SpeakingTotal = SpeakingFigures;

/**
 * The record of the current attempt. Turns and statements grow with the
 * meeting, so the view carries only the most recent of them (the last
 * RECORD_WINDOW to 2 × RECORD_WINDOW − 1, shared/views/live.ts) with their
 * counts and the totals that screens need; older ones are read with the
 * `record` request (protocol.md). Everything else is bounded by the agenda.
 */
export interface RecordView {
  startedAt?: number;
  endedAt?: number;
  items: ItemRecord[];
  /** The most recent turns: indexes turnCount − turns.length … turnCount − 1 of the attempt's. */
  turns: TurnRecord[];
  /** The most recent statements: indexes statementCount − statements.length … statementCount − 1. */
  statements: StatementRecord[];
  turnCount: number;
  statementCount: number;
  /** Per speaker (speakerKey: "p:<id>" or "npc:<roleId>"), over the whole attempt. */
  speaking: Record<string, SpeakingTotal>;
  /** Turns per agenda item id, over the whole attempt. */
  turnsByItem: Record<string, number>;
  /** Secret ballots arrive without `votes` and `choices` for trainees and the projector. */
  ballots: BallotRecord[];
  signups: SignupRecord[];
  actions: ActionRecord[];
  pauses: { from: number; to?: number }[];
}

/** A tip as its trainee sees it: no sender (observers are invisible), only their own receipt. */
export interface TipView {
  id: string;
  text: string;
  sentAt: number;
  broadcast: boolean;
  readAt?: number;
  ackAt?: number;
}

export interface TraineeSelf {
  participantId: string;
  name: string;
  card: Role | null;
  handouts: Handout[];
  tips: TipView[];
  /** Their own ballot in the current vote, secret or not. */
  ballot?: Choice | string[];
  /** A vote of the electorate, once open: the owners this seat casts one ballot each for. */
  owners?: OwnBallotOwner[];
  /** The experts' "next time" items for them from earlier attempts (no author: observers are invisible). */
  plan: { id: string; attempt: number; text: string }[];
}

export interface OwnBallotOwner {
  id: string;
  name: LocalText;
  flats: string[];
  area_m2: number;
  /** Cast for under a written proxy. */
  proxy: boolean;
  /** How this owner's ballot came in, if it has. */
  source?: BallotSource;
  /** What this seat cast for the owner (never what a paper ballot for them says). */
  mine?: Choice | string[];
}

export interface LiveView {
  seq: number;
  serverNow: number;
  attempt: number;
  state: string;
  phase: Phase;
  participants: ParticipantView[];
  item: ItemView | null;
  record: RecordView;
  injects: ReceivedInject[] | InjectStatus[];
  /** Trainees only. */
  me?: TraineeSelf;
  /** Observers and the facilitator only. */
  coaching?: CoachingState;
  /** Observers and the facilitator only: the observers connected now. */
  observersOnline?: string[];
  /** Observers may fire injects when allowed; `injectors` names which (null: all). */
  settings?: { observersMayFireInjects: boolean; injectors: string[] | null };
  attemptsBefore: number;
}

export type { Tip };

/** One log entry as a viewer may see it (history, catch-up after being offline, the debrief timeline). */
export interface TimelineEntry {
  seq: number;
  at: number;
  /** Who did it, as this viewer may know: a participant, an NPC card, "the host" (facilitator or an observer), or the clock. */
  by:
    | { kind: 'participant'; id: string }
    | { kind: 'npc'; roleId: string }
    | { kind: 'host' }
    | { kind: 'observer'; id: string }
    | { kind: 'system' };
  type: string;
  /** The command's fields, trimmed of anything this viewer may not see. */
  data: Record<string, unknown>;
}
