// What anyone may read about a scenario before and outside a session: the
// library card and the public brief. Private role fields, observer guidance,
// expected responses, injects and private handouts stay out.
import { type ClassSize, classSize } from '../meeting/seats.ts';
import type { Item, LocalText, Role, Scenario } from '../scenario/index.ts';

export interface ScenarioSummary {
  id: string;
  title: LocalText;
  summary: LocalText;
  meeting: Scenario['meeting'];
  tags: string[];
  duration: number;
  roleCount: number;
  itemCount: number;
  /** How many trainees it takes: the minimum to start (experts can stand in for the rest), the ideal, every seat. */
  trainees: ClassSize;
}

export type PublicRole = Pick<
  Role,
  | 'id'
  | 'name'
  | 'affiliation'
  | 'chair'
  | 'seats'
  | 'required'
  | 'npc'
  | 'public'
  | 'attributes'
  | 'standsFor'
  | 'proxyFor'
>;
/** Omit over each member of the union, so an item keeps its kind-specific fields. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** Written ballots stay out: in a secret vote they are choices by name. */
export type PublicItem = OmitEach<Item, 'guidance' | 'writtenBallots'>;

/** The electorate as the room knows it: whose vote it is and how big it is, not who wrote what. */
export interface PublicElectorate {
  title: LocalText;
  total: { owners: number; area_m2: number };
}

export interface PublicScenario extends ScenarioSummary {
  background: LocalText;
  facts: Scenario['facts'];
  handouts: Scenario['handouts'];
  roles: PublicRole[];
  agenda: PublicItem[];
  /** Voting rules are public: a trainee reads on the ballot what it takes to pass. */
  rules: Scenario['rules'];
  electorate?: PublicElectorate;
  rubric: Scenario['rubric'];
  debrief: { questions: LocalText[] };
}

export function summarizeScenario(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    meeting: s.meeting,
    tags: s.tags,
    duration: s.duration,
    roleCount: s.roles.length,
    itemCount: s.agenda.length,
    trainees: classSize(s),
  };
}

export function publicRole(role: Role): PublicRole {
  const { id, name, affiliation, chair, seats, required, npc, attributes, standsFor, proxyFor } = role;
  return {
    id,
    name,
    ...(affiliation && { affiliation }),
    chair,
    seats,
    required,
    npc,
    public: role.public,
    attributes,
    standsFor,
    proxyFor,
  };
}

export function publicItem(item: Item): PublicItem {
  if (item.kind === 'vote') {
    const { guidance: _guidance, writtenBallots: _written, ...rest } = item;
    return rest;
  }
  const { guidance: _guidance, ...rest } = item;
  return rest;
}

export function publicScenario(s: Scenario): PublicScenario {
  return {
    ...summarizeScenario(s),
    background: s.background,
    facts: s.facts,
    handouts: s.handouts.filter((h) => h.to === 'all'),
    roles: s.roles.map(publicRole),
    agenda: s.agenda.map(publicItem),
    rules: s.rules,
    ...(s.electorate && { electorate: { title: s.electorate.title, total: s.electorate.total } }),
    rubric: s.rubric,
    debrief: { questions: s.debrief.questions },
  };
}

/** The agenda's time boxes added up (seconds), and how many items set none. */
export function agendaTime(agenda: readonly { duration?: number }[]): { seconds: number; untimed: number } {
  let seconds = 0;
  let untimed = 0;
  for (const item of agenda) {
    if (item.duration === undefined) untimed++;
    else seconds += item.duration;
  }
  return { seconds, untimed };
}
