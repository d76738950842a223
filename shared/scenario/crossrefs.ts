// Checks that need the whole file: references between roles, items, rules,
// injects and competencies, and the rules that span several fields. Runs on a
// file that already matches the schema; reports every problem it finds.
import { BUILTIN_RULES, DEFAULT_COMPETENCIES } from './defaults.ts';
import {
  checkElectorate as checkOwnersElectorate,
  countsAgainstElectorateInFile,
} from './electorate-check.ts';
import { SCENARIO_ISSUE, type ScenarioIssue } from './issues.ts';
import type { FilterInput } from './primitives.ts';
import type { RoleInput, RuleInput, ScenarioFile } from './schema.ts';

type Path = (string | number)[];

export function checkCrossReferences(file: ScenarioFile, expectedId?: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (code: ScenarioIssue['code'], path: Path, message: string) =>
    issues.push({ code, path, message });

  if (expectedId !== undefined && file.id !== expectedId) {
    report(
      SCENARIO_ISSUE.idMismatch,
      ['id'],
      `expected the id to equal the file name "${expectedId}", found "${file.id}"`,
    );
  }

  const roles = new Map(file.roles.map((r) => [r.id, r]));
  const roleRef = (id: string, path: Path, what: string) => {
    if (!roles.has(id)) {
      report(
        SCENARIO_ISSUE.unknownRole,
        path,
        `${what}: expected a role id (one of ${[...roles.keys()].join(', ')}), found "${id}"`,
      );
    }
  };
  const roleRefs = (ids: string[], path: Path, what: string) => {
    ids.forEach((id, i) => {
      roleRef(id, [...path, i], what);
    });
  };

  checkUnique(file.roles, ['roles'], 'role', report);
  checkUnique(file.agenda, ['agenda'], 'agenda item', report);
  checkUnique(file.injects ?? [], ['injects'], 'inject', report);
  checkUnique(file.handouts ?? [], ['handouts'], 'handout', report);
  checkUnique(file.rubric?.competencies ?? [], ['rubric', 'competencies'], 'competency', report);
  checkRoles(file.roles, report);

  const ruleIds = new Set([...Object.keys(BUILTIN_RULES), ...Object.keys(file.rules ?? {})]);
  for (const [id, rule] of Object.entries(file.rules ?? {})) checkRule(id, rule, report);

  file.agenda.forEach((item, i) => {
    const at: Path = ['agenda', i];
    switch (item.kind) {
      case 'statement':
        roleRefs(item.speakers, [...at, 'speakers'], 'a speaker');
        break;
      case 'speakers':
        if (Array.isArray(item.order)) roleRefs(item.order, [...at, 'order'], 'a speaker');
        break;
      case 'qa':
        roleRefs(item.answerers, [...at, 'answerers'], 'an answerer');
        break;
      case 'vote':
      case 'election': {
        const ruleId = item.rule ?? 'simple_majority';
        if (!ruleIds.has(ruleId)) {
          report(
            SCENARIO_ISSUE.unknownRule,
            [...at, 'rule'],
            `expected a rule id (one of ${[...ruleIds].join(', ')}), found "${ruleId}"`,
          );
        }
        checkEligible(
          file,
          item.eligible ?? 'all',
          [...at, 'eligible'],
          ruleId,
          countsAgainstElectorateInFile(file, item),
          report,
          roleRefs,
        );
        if (item.kind === 'election') {
          if (Array.isArray(item.candidates)) roleRefs(item.candidates, [...at, 'candidates'], 'a candidate');
          if (item.max_choices !== undefined && item.max_choices > item.seats) {
            report(
              SCENARIO_ISSUE.outOfRange,
              [...at, 'max_choices'],
              `expected max_choices ≤ seats (${item.seats}), found ${item.max_choices}`,
            );
          }
        }
        break;
      }
      default:
        break;
    }
  });

  const itemIds = new Set(file.agenda.map((a) => a.id));
  const competencyIds = new Set([
    ...DEFAULT_COMPETENCIES.map((c) => c.id),
    ...(file.rubric?.competencies ?? []).map((c) => c.id),
  ]);
  (file.injects ?? []).forEach((inject, i) => {
    const at: Path = ['injects', i];
    const ways = [inject.at !== undefined, inject.manual === true, inject.spare === true].filter(
      Boolean,
    ).length;
    if (ways !== 1) {
      report(
        SCENARIO_ISSUE.injectTrigger,
        at,
        `expected exactly one of at, manual: true or spare: true, found ${ways}`,
      );
    }
    if (inject.at && !itemIds.has(inject.at.item)) {
      report(
        SCENARIO_ISSUE.unknownItem,
        [...at, 'at', 'item'],
        `expected an agenda item id (one of ${[...itemIds].join(', ')}), found "${inject.at.item}"`,
      );
    }
    if (Array.isArray(inject.to)) roleRefs(inject.to, [...at, 'to'], 'a recipient');
    if (inject.competency !== undefined && !competencyIds.has(inject.competency)) {
      report(
        SCENARIO_ISSUE.unknownCompetency,
        [...at, 'competency'],
        `expected a competency id (one of ${[...competencyIds].join(', ')}), found "${inject.competency}"`,
      );
    }
  });

  checkOwnersElectorate(file, report);

  (file.handouts ?? []).forEach((h, i) => {
    if (Array.isArray(h.to)) roleRefs(h.to, ['handouts', i, 'to'], 'a recipient');
  });

  const defaultIds = new Set(DEFAULT_COMPETENCIES.map((c) => c.id));
  (file.rubric?.competencies ?? []).forEach((c, i) => {
    if (!defaultIds.has(c.id) && c.title === undefined) {
      report(
        SCENARIO_ISSUE.missingTitle,
        ['rubric', 'competencies', i],
        `a new competency "${c.id}" needs a title`,
      );
    }
  });
  const scale = file.rubric?.scale;
  if (Array.isArray(scale) && scale[0] >= scale[1]) {
    report(
      SCENARIO_ISSUE.outOfRange,
      ['rubric', 'scale'],
      `expected [low, high] with low < high, found [${scale[0]}, ${scale[1]}]`,
    );
  }
  return issues;
}

type Report = (code: ScenarioIssue['code'], path: Path, message: string) => void;

function checkUnique(list: { id: string }[], path: Path, what: string, report: Report) {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const first = seen.get(entry.id);
    if (first !== undefined) {
      report(
        SCENARIO_ISSUE.duplicateId,
        [...path, i, 'id'],
        `expected a unique ${what} id, found "${entry.id}" again (first at ${path.join('.')}[${first}])`,
      );
    } else seen.set(entry.id, i);
  });
}

function checkRoles(roles: RoleInput[], report: Report) {
  let chair: number | undefined;
  roles.forEach((role, i) => {
    if (role.chair) {
      if (chair !== undefined) {
        report(
          SCENARIO_ISSUE.twoChairs,
          ['roles', i, 'chair'],
          `expected at most one chair, found a second: "${role.id}" (roles[${chair}] "${roles[chair]?.id}" already chairs)`,
        );
      } else chair = i;
    }
    if (typeof role.seats === 'object' && role.seats.min > role.seats.max) {
      report(
        SCENARIO_ISSUE.outOfRange,
        ['roles', i, 'seats'],
        `expected seats.min ≤ seats.max, found min ${role.seats.min} > max ${role.seats.max}`,
      );
    }
    if (role.npc && role.required) {
      report(
        SCENARIO_ISSUE.npcRequired,
        ['roles', i, 'required'],
        'an npc card is voiced by an expert, not held by a trainee, so it cannot be required',
      );
    }
  });
}

function checkRule(id: string, rule: RuleInput, report: Report) {
  if (id in BUILTIN_RULES) {
    report(
      SCENARIO_ISSUE.duplicateId,
      ['rules', id],
      `"${id}" is a built-in rule; give the custom rule another id`,
    );
  }
  if (rule.pass.area === undefined && rule.pass.headcount === undefined) {
    report(
      SCENARIO_ISSUE.missingThreshold,
      ['rules', id, 'pass'],
      'expected a pass threshold: area, headcount or both',
    );
  }
}

/** Which trainee roles a filter admits (NPC cards never vote). */
export function eligibleRoles(roles: RoleInput[], filter: FilterInput): RoleInput[] {
  const trainees = roles.filter((r) => !r.npc);
  if (filter === 'all') return trainees;
  if (Array.isArray(filter)) return trainees.filter((r) => filter.includes(r.id));
  return trainees.filter((r) => r.attributes?.[filter.attribute] === filter.equals);
}

function checkEligible(
  file: ScenarioFile,
  filter: FilterInput,
  path: Path,
  ruleId: string,
  /** Areas then come from the electorate's flats, not from the cards. */
  ofElectorate: boolean,
  report: Report,
  roleRefs: (ids: string[], path: Path, what: string) => void,
) {
  if (Array.isArray(filter)) {
    roleRefs(filter, path, 'a voter');
    filter.forEach((id, i) => {
      if (file.roles.find((r) => r.id === id)?.npc) {
        report(SCENARIO_ISSUE.npcVoter, [...path, i], `"${id}" is an npc card; npc cards do not vote`);
      }
    });
  }
  const voters = eligibleRoles(file.roles, filter);
  if (voters.length === 0) {
    report(SCENARIO_ISSUE.noVoters, path, 'expected at least one trainee role to be eligible, found none');
    return;
  }
  const rule = file.rules?.[ruleId] ?? BUILTIN_RULES[ruleId];
  if (!rule) return;
  const needs: ('area_m2' | NonNullable<RuleInput['weight']>)[] = [];
  if ((rule.quorum?.area || rule.pass.area) && !ofElectorate) needs.push('area_m2');
  if (rule.weight) needs.push(rule.weight);
  for (const attribute of needs) {
    const missing = voters.filter((r) => typeof r.attributes?.[attribute] !== 'number').map((r) => r.id);
    if (missing.length > 0) {
      report(
        SCENARIO_ISSUE.missingAttribute,
        path,
        `rule "${ruleId}" needs attributes.${attribute} on every eligible role, missing on: ${missing.join(', ')}`,
      );
    }
  }
}
