// From the file as written (already schema-valid and cross-checked) to the
// Scenario the engine reads: defaults filled in, units and languages settled.
import {
  BUILTIN_RULES,
  DEFAULT_COMPETENCIES,
  DEFAULT_OPTIONS,
  DEFAULT_RULE_ID,
  DEFAULT_SCALE,
} from './defaults.ts';
import {
  normalizeElectionWrittenBallots,
  normalizeElectorate,
  normalizeWrittenBallots,
  ownersOfFlats,
} from './electorate.ts';
import type { DurationInput, FractionInput, TextInput } from './primitives.ts';
import { durationToSeconds, normalizeFilter, normalizeText, parseFraction } from './primitives.ts';
import type { InjectInput, ItemInput, RoleInput, RuleInput, ScenarioFile } from './schema.ts';
import type { Competency, Electorate, Inject, Item, Role, Rule, Scenario } from './types.ts';

const texts = (list: TextInput[] | undefined) => (list ?? []).map(normalizeText);
const seconds = (d: DurationInput | undefined) => (d === undefined ? undefined : durationToSeconds(d));
const fraction = (f: FractionInput | undefined) => (f === undefined ? undefined : parseFraction(f));

export function normalizeRole(role: RoleInput, electorate?: Electorate): Role {
  const chair = role.chair ?? false;
  const npc = role.npc ?? false;
  const required = role.required ?? (chair && !npc);
  const seats = typeof role.seats === 'object' ? { ...role.seats } : { min: 0, max: role.seats ?? 1 };
  // A required card needs at least one holder, whatever its range says.
  if (required && seats.min < 1) seats.min = 1;
  return {
    id: role.id,
    name: normalizeText(role.name),
    ...(role.affiliation !== undefined && { affiliation: normalizeText(role.affiliation) }),
    chair,
    seats,
    required,
    npc,
    public: normalizeText(role.public),
    brief: normalizeText(role.brief),
    goals: texts(role.goals),
    secrets: texts(role.secrets),
    red_lines: texts(role.red_lines),
    attributes: { ...role.attributes },
    standsFor: ownersOfFlats(electorate, role.stands_for),
    proxyFor: ownersOfFlats(electorate, role.proxy_for),
  };
}

export function normalizeItem(item: ItemInput, electorate?: Electorate): Item {
  const base = {
    id: item.id,
    title: normalizeText(item.title),
    ...(item.duration !== undefined && { duration: durationToSeconds(item.duration) }),
    ...(item.guidance !== undefined && { guidance: normalizeText(item.guidance) }),
  };
  const perSpeaker =
    'per_speaker' in item && item.per_speaker !== undefined
      ? { perSpeaker: durationToSeconds(item.per_speaker) }
      : {};
  switch (item.kind) {
    case 'statement':
      return { ...base, kind: item.kind, speakers: item.speakers, ...perSpeaker };
    case 'speakers':
      return {
        ...base,
        kind: item.kind,
        order: item.order ?? 'queue',
        rounds: item.rounds ?? 1,
        ...perSpeaker,
      };
    case 'open_floor':
      return { ...base, kind: item.kind, balance: item.balance ?? false, ...perSpeaker };
    case 'qa':
      return { ...base, kind: item.kind, answerers: item.answerers, ...perSpeaker };
    case 'vote': {
      const writtenBallots = normalizeWrittenBallots(electorate, item.written_ballots);
      return {
        ...base,
        kind: item.kind,
        motion: normalizeText(item.motion),
        options: item.options ?? [...DEFAULT_OPTIONS],
        ballot: item.ballot ?? 'open',
        eligible: normalizeFilter(item.eligible ?? 'all'),
        rule: item.rule ?? DEFAULT_RULE_ID,
        amendable: item.amendable ?? false,
        ...(writtenBallots && { writtenBallots }),
      };
    }
    case 'election': {
      const writtenBallots = normalizeElectionWrittenBallots(electorate, item.written_ballots);
      return {
        ...base,
        kind: item.kind,
        seats: item.seats,
        candidates: item.candidates,
        ballot: item.ballot ?? 'open',
        eligible: normalizeFilter(item.eligible ?? 'all'),
        rule: item.rule ?? DEFAULT_RULE_ID,
        maxChoices: item.max_choices ?? item.seats,
        ...(writtenBallots && { writtenBallots }),
      };
    }
    case 'signup':
      return { ...base, kind: item.kind, asks: texts(item.asks) };
    case 'actions':
    case 'break':
      return { ...base, kind: item.kind };
  }
}

export function normalizeRule(id: string, rule: RuleInput): Rule {
  const area = fraction(rule.quorum?.area);
  const headcount = fraction(rule.quorum?.headcount);
  const passArea = fraction(rule.pass.area);
  const passHeadcount = fraction(rule.pass.headcount);
  return {
    id,
    kind: 'threshold',
    builtin: false,
    quorum: { ...(area && { area }), ...(headcount && { headcount }) },
    pass: {
      ...(passArea && { area: passArea }),
      ...(passHeadcount && { headcount: passHeadcount }),
      of: rule.pass.of ?? 'participating',
    },
    ...(rule.weight !== undefined && { weight: rule.weight }),
  };
}

export function normalizeInject(inject: InjectInput): Inject {
  const trigger: Inject['trigger'] = inject.at
    ? { kind: 'scheduled', item: inject.at.item, after: durationToSeconds(inject.at.after) }
    : inject.spare
      ? { kind: 'spare' }
      : { kind: 'manual' };
  return {
    id: inject.id,
    title: normalizeText(inject.title),
    body: normalizeText(inject.body),
    to: inject.to ?? 'all',
    trigger,
    ...(inject.expect !== undefined && { expect: normalizeText(inject.expect) }),
    ...(inject.competency !== undefined && { competency: inject.competency }),
    ...(inject.respond_within !== undefined && { respondWithin: seconds(inject.respond_within) }),
  };
}

/** The four default competencies, extended (indicators) or joined (new ids) by the file's own. */
export function mergeCompetencies(own: NonNullable<ScenarioFile['rubric']>['competencies']): Competency[] {
  const merged = DEFAULT_COMPETENCIES.map((c) => ({ ...c, indicators: [...c.indicators] }));
  for (const entry of own ?? []) {
    const existing = merged.find((c) => c.id === entry.id);
    if (existing) {
      existing.indicators.push(...texts(entry.indicators));
      if (entry.title !== undefined) existing.title = normalizeText(entry.title);
    } else {
      merged.push({
        id: entry.id,
        title: normalizeText(entry.title ?? entry.id),
        indicators: texts(entry.indicators),
      });
    }
  }
  return merged;
}

export function normalizeScenario(file: ScenarioFile, extensions: Record<string, unknown> = {}): Scenario {
  const rules: Record<string, Rule> = { ...BUILTIN_RULES };
  for (const [id, rule] of Object.entries(file.rules ?? {})) rules[id] = normalizeRule(id, rule);
  const scale = file.rubric?.scale;
  const electorate = file.electorate ? normalizeElectorate(file.electorate) : undefined;
  return {
    schema: 1,
    id: file.id,
    title: normalizeText(file.title),
    summary: normalizeText(file.summary),
    meeting: file.meeting,
    tags: file.tags ?? [],
    duration: durationToSeconds(file.duration),
    background: normalizeText(file.background),
    ...(file.venue !== undefined && { venue: normalizeText(file.venue) }),
    ...(file.recorder !== undefined && { recorder: normalizeText(file.recorder) }),
    facts: (file.facts ?? []).map((f) => ({ label: normalizeText(f.label), value: normalizeText(f.value) })),
    handouts: (file.handouts ?? []).map((h) => ({
      id: h.id,
      title: normalizeText(h.title),
      body: normalizeText(h.body),
      to: h.to ?? 'all',
    })),
    roles: file.roles.map((r) => normalizeRole(r, electorate)),
    agenda: file.agenda.map((i) => normalizeItem(i, electorate)),
    rules,
    ...(electorate && { electorate }),
    injects: (file.injects ?? []).map(normalizeInject),
    rubric: {
      scale:
        scale === undefined
          ? DEFAULT_SCALE
          : scale === 'psmu'
            ? { kind: 'psmu' }
            : { kind: 'range', min: scale[0], max: scale[1] },
      competencies: mergeCompetencies(file.rubric?.competencies),
    },
    debrief: {
      questions: texts(file.debrief?.questions),
      revealSecrets: file.debrief?.reveal_secrets ?? true,
    },
    extensions,
  };
}
