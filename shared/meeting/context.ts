// The meeting's data: who holds which card, where the agenda stands, who has
// the floor, ballots, clocks (absolute deadlines), and the record the minutes
// and the debrief are made from. Plain JSON, so a snapshot persists as is.
import type { Speaker } from './commands.ts';
import type { BallotSource, ElectorateBallot } from './electorate.ts';
import type { Choice, ElectionOutcome, Measure, VoteOutcome } from './rules.ts';

export type Mood = 'agree' | 'unsure' | 'disagree';

export interface Participant {
  id: string;
  /** Empty for a stand-in: the room knows it only as its character. */
  name: string;
  roleId: string | null;
  joinedAt: number;
  mood: Mood | null;
  /**
   * A stand-in: the observer (an expert) who plays this card. It stays in the
   * context once released (card null) so that earlier attempts still say who
   * played what; a released stand-in takes no further part.
   */
  playedBy?: string;
}

export interface QueueEntry {
  speaker: Speaker;
  pointOfOrder: boolean;
  raisedAt: number;
}

export interface FloorTurn {
  speaker: Speaker;
  since: number;
  /** When the speaker's time runs out; absent when the item sets no per-speaker time. */
  deadline?: number;
  timeUpAt?: number;
  pointOfOrder: boolean;
}

export interface BallotState {
  kind: 'vote' | 'election';
  /** Eligible voters (seat ids) fixed when the vote opens. */
  voters: string[];
  candidates: string[];
  nominations: string[];
  votes: Record<string, Choice>;
  choices: Record<string, string[]>;
  openedAt?: number;
  closedAt?: number;
  /**
   * Present when the vote counts against the scenario's electorate (set when it
   * opens): then `voters` are the seats that cast for owners, and `votes` /
   * `choices` each seat's last ballot, while every owner's own ballot is here.
   */
  electorate?: ElectorateBallot;
}

export interface ItemState {
  index: number;
  startedAt: number;
  deadline?: number;
  timeUpAt?: number;
  queue: QueueEntry[];
  floor: FloorTurn | null;
  /** Turns already taken in this item, for fixed orders and rounds. */
  turnsTaken: number;
  ballot: BallotState | null;
}

// --- The record: facts the minutes, the debrief and the replays read. ---

export interface TurnRecord {
  item: string;
  speaker: Speaker;
  roleId: string | null;
  start: number;
  end: number;
  /** Milliseconds spoken past the per-speaker time (0 when within it). */
  overtimeMs: number;
  pointOfOrder: boolean;
  endedBy: 'yield' | 'cut' | 'moved_on';
}

export interface StatementRecord {
  item: string | null;
  speaker: Speaker;
  roleId: string | null;
  text: string;
  at: number;
}

export interface ItemRecord {
  item: string;
  start: number;
  end: number;
  overtimeMs: number;
}

export type BallotRecord =
  | {
      kind: 'vote';
      item: string;
      at: number;
      ballot: 'open' | 'secret';
      votes: Record<string, Choice>;
      outcome: VoteOutcome;
      /** The owners' ballots, for a vote of the electorate. */
      electorate?: ElectorateBallot;
      /** Owners taking part, by how their ballots came in (kept: a secret ballot's room copy loses its tallies). */
      participation?: Record<BallotSource, Measure>;
      /**
       * Only on a copy for the room before the debrief (shared/views/sealed-ballot.ts): a secret
       * ballot's outcome and which thresholds were met; every figure that depends on a choice is 0.
       */
      sealed?: true;
    }
  | {
      kind: 'election';
      item: string;
      at: number;
      ballot: 'open' | 'secret';
      /** The ballot's candidates in its own order (the scenario's); absent on records from before. */
      candidates?: string[];
      choices: Record<string, string[]>;
      outcome: ElectionOutcome;
      electorate?: ElectorateBallot;
      participation?: Record<BallotSource, Measure>;
      sealed?: true;
    };

export interface InjectRecord {
  inject: string;
  firedAt: number;
  by: 'schedule' | 'facilitator' | 'observer';
  item: string | null;
  respondBy?: number;
  respondedAt?: number;
}

export interface SignupRecord {
  item: string;
  ask: number;
  participant: string;
  at: number;
}

export interface ActionRecord {
  item: string | null;
  kind: 'decision' | 'action';
  what: string;
  who?: string;
  due?: string;
  at: number;
}

export interface MeetingRecord {
  startedAt?: number;
  endedAt?: number;
  items: ItemRecord[];
  turns: TurnRecord[];
  statements: StatementRecord[];
  ballots: BallotRecord[];
  injects: InjectRecord[];
  signups: SignupRecord[];
  actions: ActionRecord[];
  pauses: { from: number; to?: number }[];
}

export interface AttemptSummary {
  attempt: number;
  record: MeetingRecord;
  cards: Record<string, string | null>;
}

export interface MeetingContext {
  attempt: number;
  participants: Record<string, Participant>;
  item: ItemState | null;
  /** Scheduled injects waiting for their time. */
  pending: { inject: string; dueAt: number }[];
  pausedAt: number | null;
  observersMayFireInjects: boolean;
  /** The observers allowed to fire injects (null: all of them, when allowed at all). */
  injectors: string[] | null;
  record: MeetingRecord;
  earlierAttempts: AttemptSummary[];
  /** The time of the last event applied: the machine's idea of "now". */
  now: number;
  /** Set when the session was created: the minutes' 地点 and 记录人 (else the scenario's). */
  minutesDetails?: { venue?: string; recorder?: string };
}

export function emptyRecord(): MeetingRecord {
  return {
    items: [],
    turns: [],
    statements: [],
    ballots: [],
    injects: [],
    signups: [],
    actions: [],
    pauses: [],
  };
}

export function initialContext(now = 0): MeetingContext {
  return {
    attempt: 1,
    participants: {},
    item: null,
    pending: [],
    pausedAt: null,
    observersMayFireInjects: false,
    injectors: null,
    record: emptyRecord(),
    earlierAttempts: [],
    now,
  };
}

export const speakerKey = (s: Speaker): string =>
  s.kind === 'participant' ? `p:${s.id}` : `npc:${s.roleId}`;
export const sameSpeaker = (a: Speaker, b: Speaker): boolean => speakerKey(a) === speakerKey(b);
