// Checks that need the whole file: references between roles, items, rules,
// injects and competencies, and the rules that span several fields. Runs on a
// file that already matches the schema; reports every problem it finds.
import { BUILTIN_RULES, DEFAULT_COMPETENCIES } from './defaults.ts';
import {
  checkElectorate as checkOwnersElectorate,
  countsAgainstElectorateInFile,
} from './electorate-check.ts';
import { SCENARIO_ISSUE, type ScenarioIssue, scenarioIssue } from './issues.ts';
import type { MessageKey, MessageParams } from './messages.ts';
import type { FilterInput } from './primitives.ts';
import type { RoleInput, RuleInput, ScenarioFile } from './schema.ts';

type Path = (string | number)[];

export function checkCrossReferences(file: ScenarioFile, expectedId?: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report: Report = (code, path, key, params) => issues.push(scenarioIssue(code, path, key, params));

  if (expectedId !== undefined && file.id !== expectedId) {
    report(SCENARIO_ISSUE.idMismatch, ['id'], 'idMismatch', { expected: expectedId, found: file.id });
  }

  const roles = new Map(file.roles.map((r) => [r.id, r]));
  const roleRef = (id: string, path: Path, ref: RoleRef) => {
    if (!roles.has(id)) {
      report(SCENARIO_ISSUE.unknownRole, path, 'unknownRef', {
        ref,
        ids: [...roles.keys()].join(', '),
        found: id,
      });
    }
  };
  const roleRefs = (ids: string[], path: Path, what: RoleRef) => {
    ids.forEach((id, i) => {
      roleRef(id, [...path, i], what);
    });
  };

  checkUnique(file.roles, ['roles'], 'roles', report);
  checkUnique(file.agenda, ['agenda'], 'agenda', report);
  checkUnique(file.injects ?? [], ['injects'], 'injects', report);
  checkUnique(file.handouts ?? [], ['handouts'], 'handouts', report);
  checkUnique(file.rubric?.competencies ?? [], ['rubric', 'competencies'], 'competencies', report);
  checkRoles(file.roles, report);

  const ruleIds = new Set([...Object.keys(BUILTIN_RULES), ...Object.keys(file.rules ?? {})]);
  for (const [id, rule] of Object.entries(file.rules ?? {})) checkRule(id, rule, report);

  file.agenda.forEach((item, i) => {
    const at: Path = ['agenda', i];
    switch (item.kind) {
      case 'statement':
        roleRefs(item.speakers, [...at, 'speakers'], 'speaker');
        break;
      case 'speakers':
        if (Array.isArray(item.order)) roleRefs(item.order, [...at, 'order'], 'speaker');
        break;
      case 'qa':
        roleRefs(item.answerers, [...at, 'answerers'], 'answerer');
        break;
      case 'vote':
      case 'election': {
        const ruleId = item.rule ?? 'simple_majority';
        if (!ruleIds.has(ruleId)) {
          report(SCENARIO_ISSUE.unknownRule, [...at, 'rule'], 'unknownRule', {
            ids: [...ruleIds].join(', '),
            found: ruleId,
          });
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
          if (Array.isArray(item.candidates)) roleRefs(item.candidates, [...at, 'candidates'], 'candidate');
          if (item.max_choices !== undefined && item.max_choices > item.seats) {
            report(SCENARIO_ISSUE.outOfRange, [...at, 'max_choices'], 'maxChoicesOverSeats', {
              seats: item.seats,
              found: item.max_choices,
            });
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
      report(SCENARIO_ISSUE.injectTrigger, at, 'injectTrigger', { ways });
    }
    if (inject.at && !itemIds.has(inject.at.item)) {
      report(SCENARIO_ISSUE.unknownItem, [...at, 'at', 'item'], 'unknownItem', {
        ids: [...itemIds].join(', '),
        found: inject.at.item,
      });
    }
    if (Array.isArray(inject.to)) roleRefs(inject.to, [...at, 'to'], 'recipient');
    if (inject.competency !== undefined && !competencyIds.has(inject.competency)) {
      report(SCENARIO_ISSUE.unknownCompetency, [...at, 'competency'], 'unknownCompetency', {
        ids: [...competencyIds].join(', '),
        found: inject.competency,
      });
    }
  });

  checkOwnersElectorate(file, report);

  (file.handouts ?? []).forEach((h, i) => {
    if (Array.isArray(h.to)) roleRefs(h.to, ['handouts', i, 'to'], 'recipient');
  });

  const defaultIds = new Set(DEFAULT_COMPETENCIES.map((c) => c.id));
  (file.rubric?.competencies ?? []).forEach((c, i) => {
    if (!defaultIds.has(c.id) && c.title === undefined) {
      report(SCENARIO_ISSUE.missingTitle, ['rubric', 'competencies', i], 'missingTitle', { id: c.id });
    }
  });
  const scale = file.rubric?.scale;
  if (Array.isArray(scale) && scale[0] >= scale[1]) {
    report(SCENARIO_ISSUE.outOfRange, ['rubric', 'scale'], 'scaleOrder', { low: scale[0], high: scale[1] });
  }
  return issues;
}

type Report = (code: ScenarioIssue['code'], path: Path, key: MessageKey, params?: MessageParams) => void;
type RoleRef = 'speaker' | 'answerer' | 'candidate' | 'voter' | 'recipient';
type ListName = 'roles' | 'agenda' | 'injects' | 'handouts' | 'competencies';

function checkUnique(list: { id: string }[], path: Path, what: ListName, report: Report) {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const first = seen.get(entry.id);
    if (first !== undefined) {
      report(SCENARIO_ISSUE.duplicateId, [...path, i, 'id'], 'duplicateId', {
        list: what,
        found: entry.id,
        at: path.join('.'),
        first,
      });
    } else seen.set(entry.id, i);
  });
}

function checkRoles(roles: RoleInput[], report: Report) {
  let chair: number | undefined;
  roles.forEach((role, i) => {
    if (role.chair) {
      if (chair !== undefined) {
        report(SCENARIO_ISSUE.twoChairs, ['roles', i, 'chair'], 'twoChairs', {
          found: role.id,
          first: chair,
          firstId: roles[chair]?.id ?? '',
        });
      } else chair = i;
    }
    if (typeof role.seats === 'object' && role.seats.min > role.seats.max) {
      report(SCENARIO_ISSUE.outOfRange, ['roles', i, 'seats'], 'seatsOrder', {
        min: role.seats.min,
        max: role.seats.max,
      });
    }
    if (role.npc && role.required) {
      report(SCENARIO_ISSUE.npcRequired, ['roles', i, 'required'], 'npcRequired');
    }
  });
}

function checkRule(id: string, rule: RuleInput, report: Report) {
  if (id in BUILTIN_RULES) {
    report(SCENARIO_ISSUE.duplicateId, ['rules', id], 'builtinRuleId', { id });
  }
  if (rule.pass.area === undefined && rule.pass.headcount === undefined) {
    report(SCENARIO_ISSUE.missingThreshold, ['rules', id, 'pass'], 'missingThreshold');
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
  roleRefs: (ids: string[], path: Path, what: RoleRef) => void,
) {
  if (Array.isArray(filter)) {
    roleRefs(filter, path, 'voter');
    filter.forEach((id, i) => {
      if (file.roles.find((r) => r.id === id)?.npc) {
        report(SCENARIO_ISSUE.npcVoter, [...path, i], 'npcVoter', { id });
      }
    });
  }
  const voters = eligibleRoles(file.roles, filter);
  if (voters.length === 0) {
    report(SCENARIO_ISSUE.noVoters, path, 'noVoters');
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
      report(SCENARIO_ISSUE.missingAttribute, path, 'missingAttribute', {
        rule: ruleId,
        attribute,
        missing: missing.join(', '),
      });
    }
  }
}
