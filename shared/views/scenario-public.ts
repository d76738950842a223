// What anyone may read about a scenario before and outside a session: the
// library card and the public brief. Private role fields, observer guidance,
// expected responses, injects and private handouts stay out. Also the
// allowlists for the parts of a scenario a trainee reads elsewhere (its own
// card, its handouts).
import { type ClassSize, classSize } from '../meeting/seats.ts';
import type { Handout, Item, LocalText, Role, Rule, Scenario } from '../scenario/index.ts';

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

// Every view below is built from the fields named for it, never by copying an
// object and leaving some out: a field added to the scenario tomorrow reaches
// no trainee or projector until someone names it here.

export function publicRole(role: Role): PublicRole {
  const { id, name, affiliation, chair, seats, required, npc, attributes, standsFor, proxyFor } = role;
  return {
    id,
    name,
    ...(affiliation && { affiliation }),
    chair,
    seats: { min: seats.min, max: seats.max },
    required,
    npc,
    public: role.public,
    attributes: attributesOf(attributes),
    standsFor,
    proxyFor,
  };
}

function attributesOf(a: Role['attributes']): Role['attributes'] {
  const { owner, area_m2, building, unit, floor, weight } = a;
  return {
    ...(owner !== undefined && { owner }),
    ...(area_m2 !== undefined && { area_m2 }),
    ...(building !== undefined && { building }),
    ...(unit !== undefined && { unit }),
    ...(floor !== undefined && { floor }),
    ...(weight !== undefined && { weight }),
  };
}

/** A card with its private side, as its holder (and, when the debrief reveals them, every trainee) reads it. */
export function cardView(role: Role): Role {
  return {
    ...publicRole(role),
    brief: role.brief,
    goals: role.goals,
    secrets: role.secrets,
    red_lines: role.red_lines,
  };
}

export function handoutView(h: Handout): Handout {
  return { id: h.id, title: h.title, body: h.body, to: h.to };
}

export function publicItem(item: Item): PublicItem {
  const base = {
    id: item.id,
    title: item.title,
    ...(item.duration !== undefined && { duration: item.duration }),
  };
  const perSpeaker =
    'perSpeaker' in item && item.perSpeaker !== undefined ? { perSpeaker: item.perSpeaker } : {};
  switch (item.kind) {
    case 'statement':
      return { ...base, kind: item.kind, speakers: item.speakers, ...perSpeaker };
    case 'speakers':
      return { ...base, kind: item.kind, order: item.order, rounds: item.rounds, ...perSpeaker };
    case 'open_floor':
      return { ...base, kind: item.kind, balance: item.balance, ...perSpeaker };
    case 'qa':
      return { ...base, kind: item.kind, answerers: item.answerers, ...perSpeaker };
    case 'vote':
      return {
        ...base,
        kind: item.kind,
        motion: item.motion,
        options: item.options,
        ballot: item.ballot,
        eligible: item.eligible,
        rule: item.rule,
        amendable: item.amendable,
      };
    case 'election':
      return {
        ...base,
        kind: item.kind,
        seats: item.seats,
        candidates: item.candidates,
        ballot: item.ballot,
        eligible: item.eligible,
        rule: item.rule,
        maxChoices: item.maxChoices,
      };
    case 'signup':
      return { ...base, kind: item.kind, asks: item.asks };
    case 'actions':
    case 'break':
      return { ...base, kind: item.kind };
  }
}

function ruleView(r: Rule): Rule {
  return {
    id: r.id,
    kind: r.kind,
    quorum: {
      ...(r.quorum.area && { area: r.quorum.area }),
      ...(r.quorum.headcount && { headcount: r.quorum.headcount }),
    },
    pass: {
      ...(r.pass.area && { area: r.pass.area }),
      ...(r.pass.headcount && { headcount: r.pass.headcount }),
      of: r.pass.of,
    },
    ...(r.weight !== undefined && { weight: r.weight }),
    builtin: r.builtin,
  };
}

export function publicScenario(s: Scenario): PublicScenario {
  return {
    ...summarizeScenario(s),
    background: s.background,
    facts: s.facts.map(({ label, value }) => ({ label, value })),
    handouts: s.handouts.filter((h) => h.to === 'all').map(handoutView),
    roles: s.roles.map(publicRole),
    agenda: s.agenda.map(publicItem),
    rules: Object.fromEntries(Object.entries(s.rules).map(([id, rule]) => [id, ruleView(rule)])),
    ...(s.electorate && { electorate: { title: s.electorate.title, total: s.electorate.total } }),
    rubric: {
      scale:
        s.rubric.scale.kind === 'range'
          ? { kind: 'range', min: s.rubric.scale.min, max: s.rubric.scale.max }
          : { kind: 'psmu' },
      competencies: s.rubric.competencies.map(({ id, title, indicators }) => ({ id, title, indicators })),
    },
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
