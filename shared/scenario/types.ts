// A scenario after normalisation: every default filled in, durations in
// seconds, Text in both languages, rules resolved. This is what the engine,
// the projections and the screens read; none of them re-parse the file.
import type { AttributeName, Filter, Fraction, LocalText } from './primitives.ts';
import type { BallotOption, ItemKind, MeetingKind } from './schema.ts';

export interface RoleAttributes {
  owner?: boolean;
  area_m2?: number;
  building?: string | number;
  unit?: string | number;
  floor?: number;
  weight?: number;
}

export interface Role {
  id: string;
  name: LocalText;
  affiliation?: LocalText;
  chair: boolean;
  /** How many trainees may hold the card; min already accounts for `required`. */
  seats: { min: number; max: number };
  required: boolean;
  npc: boolean;
  public: LocalText;
  // Private fields: only the holder, observers and the facilitator may see them.
  brief: LocalText;
  goals: LocalText[];
  secrets: LocalText[];
  red_lines: LocalText[];
  attributes: RoleAttributes;
  /** Owners of the electorate (owner ids) this card is, and those whose written proxy it carries. */
  standsFor: string[];
  proxyFor: string[];
}

interface ItemBase<K extends ItemKind> {
  kind: K;
  id: string;
  title: LocalText;
  /** Time box in seconds, when the file sets one. */
  duration?: number;
  /** Observers and facilitator only. */
  guidance?: LocalText;
}

export type Item =
  | (ItemBase<'statement'> & { speakers: string[]; perSpeaker?: number })
  | (ItemBase<'speakers'> & { order: 'queue' | string[]; perSpeaker?: number; rounds: number })
  | (ItemBase<'open_floor'> & { perSpeaker?: number; balance: boolean })
  | (ItemBase<'qa'> & { answerers: string[]; perSpeaker?: number })
  | (ItemBase<'vote'> & {
      motion: LocalText;
      options: BallotOption[];
      ballot: 'open' | 'secret';
      eligible: Filter;
      rule: string;
      amendable: boolean;
      /** Ballots returned on paper before the meeting, counted from the moment the vote opens. */
      writtenBallots?: WrittenBallots;
    })
  | (ItemBase<'election'> & {
      seats: number;
      candidates: 'nominate' | string[];
      ballot: 'open' | 'secret';
      eligible: Filter;
      rule: string;
      maxChoices: number;
      /** Ballots returned on paper before the meeting, counted from the moment the election opens. */
      writtenBallots?: ElectionWrittenBallots;
    })
  | (ItemBase<'signup'> & { asks: LocalText[] })
  | ItemBase<'actions'>
  | ItemBase<'break'>;

export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;

/** Which count a pass threshold is taken of. `cast` is yes + no (abstentions excluded). */
export type PassBase = 'participating' | 'eligible' | 'cast';

export interface Rule {
  id: string;
  /** Built-in rules carry their id as kind; `consensus` is not a threshold rule. */
  kind: 'threshold' | 'consensus';
  quorum: { area?: Fraction; headcount?: Fraction };
  pass: { area?: Fraction; headcount?: Fraction; of: PassBase };
  weight?: AttributeName;
  builtin: boolean;
}

export type InjectTrigger =
  | { kind: 'scheduled'; item: string; after: number }
  | { kind: 'manual' }
  | { kind: 'spare' };

export interface Inject {
  id: string;
  title: LocalText;
  body: LocalText;
  to: 'all' | 'observers' | string[];
  trigger: InjectTrigger;
  /** Observers only. */
  expect?: LocalText;
  competency?: string;
  respondWithin?: number;
}

export interface Competency {
  id: string;
  title: LocalText;
  indicators: LocalText[];
}

export type RubricScale = { kind: 'range'; min: number; max: number } | { kind: 'psmu' };

export interface Handout {
  id: string;
  title: LocalText;
  body: LocalText;
  to: 'all' | string[];
}

/**
 * One owner as art. 278 counts them (SPC interpretation art. 9): one flat, or
 * every flat of one buyer, or every flat the developer still holds; the
 * co-owners of a flat are one owner. `id` is the owner's first flat.
 */
export interface ElectorateOwner {
  id: string;
  name: LocalText;
  flats: string[];
  /** The flats' areas added up, in m². */
  area_m2: number;
  developer: boolean;
}

/** Who may vote on an owners' matter: the whole that the quorum is measured against. */
export interface Electorate {
  title: LocalText;
  /** The owners listed flat by flat, in the order of their first flat. */
  owners: ElectorateOwner[];
  /** Owners not listed by flat (when `total` says there are more), counted only as a whole. */
  unlisted: { owners: number; area_m2: number };
  /** Listed and unlisted together. */
  total: { owners: number; area_m2: number };
}

export interface WrittenBallots {
  /** One per owner (owner id), with the flat it was written for. */
  flats: { owner: string; flat: string; choice: BallotOption }[];
  /** Unlisted owners' ballots by choice. */
  tally: Partial<Record<BallotOption, { owners: number; area_m2: number }>>;
}

export interface ElectionWrittenBallots {
  /** One per owner (owner id), with the flat and the candidates (role ids) it names; empty is blank. */
  flats: { owner: string; flat: string; choices: string[] }[];
  /** Unlisted owners' ballots: all of them, the blank ones, and per candidate (role id) those naming them. */
  tally?: {
    ballots: { owners: number; area_m2: number };
    blank: { owners: number; area_m2: number };
    candidates: Record<string, { owners: number; area_m2: number }>;
  };
}

export interface Scenario {
  schema: 1;
  id: string;
  title: LocalText;
  summary: LocalText;
  meeting: MeetingKind;
  tags: string[];
  duration: number;
  background: LocalText;
  /** The minutes' 地点 and 记录人 when the session does not set them. */
  venue?: LocalText;
  recorder?: LocalText;
  facts: { label: LocalText; value: LocalText }[];
  handouts: Handout[];
  roles: Role[];
  agenda: Item[];
  /** Every rule the scenario may use: the built-ins plus its own. */
  rules: Record<string, Rule>;
  /** Absent: votes count the cards in the room, as before electorates existed. */
  electorate?: Electorate;
  injects: Inject[];
  rubric: { scale: RubricScale; competencies: Competency[] };
  debrief: { questions: LocalText[]; revealSecrets: boolean };
  /** `x-` keys at the top level, kept for tools and ignored by the engine. */
  extensions: Record<string, unknown>;
}
