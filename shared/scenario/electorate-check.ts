// Does the electorate add up? Every flat once, areas that sum to the declared
// total, every card's flat and every proxy in the list, no owner voted for
// twice, written ballots within the electorate. Runs on a schema-valid file,
// next to crossrefs.ts, and reports every problem with its path.
import { BUILTIN_RULES } from './defaults.ts';
import { checkElectionWritten } from './election-written-check.ts';
import { flatKey, normalizeElectorate, ownerOfFlat, toAreaUnits } from './electorate.ts';
import { SCENARIO_ISSUE, type ScenarioIssue, scenarioIssue } from './issues.ts';
import type { MessageKey, MessageParams } from './messages.ts';
import { normalizeText, type TextInput } from './primitives.ts';
import type { ItemInput, ScenarioFile } from './schema.ts';
import type { Electorate } from './types.ts';

type Path = (string | number)[];
type Report = (code: ScenarioIssue['code'], path: Path, key: MessageKey, params?: MessageParams) => void;
type BallotItemInput = Extract<ItemInput, { kind: 'vote' | 'election' }>;

const m2 = (units: number) => `${Math.round(units / 100) / 100} m²`;

/** What the checks need to know of an item's rule (built-in or the file's own). */
function ruleFacts(
  file: ScenarioFile,
  item: BallotItemInput,
): { quorum: boolean; weight?: string } | undefined {
  const id = item.rule ?? 'simple_majority';
  const rule: { quorum?: { area?: unknown; headcount?: unknown }; weight?: string } | undefined =
    BUILTIN_RULES[id] ?? file.rules?.[id];
  if (!rule) return undefined;
  const quorum = rule.quorum?.area !== undefined || rule.quorum?.headcount !== undefined;
  return { quorum, ...(rule.weight !== undefined && { weight: rule.weight }) };
}

/** A vote counts against the electorate when the scenario has one and its rule has a quorum (a share of the whole). */
export function countsAgainstElectorateInFile(file: ScenarioFile, item: BallotItemInput): boolean {
  return file.electorate !== undefined && ruleFacts(file, item)?.quorum === true;
}

export function checkElectorate(file: ScenarioFile, report: Report): void {
  const input = file.electorate;
  const electorate = input ? normalizeElectorate(input) : undefined;
  if (input && electorate) checkFlats(input, electorate, report);
  checkCards(file, electorate, report);
  file.agenda.forEach((item, i) => {
    if (item.kind === 'vote' || item.kind === 'election')
      checkItem(file, item, ['agenda', i], electorate, report);
  });
}

function checkFlats(input: NonNullable<ScenarioFile['electorate']>, electorate: Electorate, report: Report) {
  const seen = new Map<string, number>();
  input.flats.forEach((flat, i) => {
    const key = flatKey(flat.flat);
    const first = seen.get(key);
    if (first !== undefined) {
      report(SCENARIO_ISSUE.duplicateFlat, ['electorate', 'flats', i, 'flat'], 'duplicateFlat', {
        flat: key,
        first,
      });
    } else seen.set(key, i);
    if (flat.owner === undefined && !flat.developer) {
      report(SCENARIO_ISSUE.missingKey, ['electorate', 'flats', i, 'owner'], 'flatOwnerMissing', {
        flat: key,
      });
    }
  });
  const total = input.total;
  if (!total) return;
  const listedOwners = electorate.owners.length;
  const listedUnits = input.flats.reduce((sum, f) => sum + toAreaUnits(f.area_m2), 0);
  const totalUnits = toAreaUnits(total.area_m2);
  if (listedOwners > total.owners) {
    report(SCENARIO_ISSUE.electorateTotal, ['electorate', 'total', 'owners'], 'totalOwnersOver', {
      listed: listedOwners,
      total: total.owners,
    });
  }
  if (listedUnits > totalUnits) {
    report(SCENARIO_ISSUE.electorateTotal, ['electorate', 'total', 'area_m2'], 'totalAreaOver', {
      listed: m2(listedUnits),
      total: m2(totalUnits),
    });
  } else if (listedOwners === total.owners && listedUnits !== totalUnits) {
    report(SCENARIO_ISSUE.electorateTotal, ['electorate', 'total', 'area_m2'], 'totalAreaMismatch', {
      owners: total.owners,
      listed: m2(listedUnits),
      total: m2(totalUnits),
    });
  } else if (listedOwners < total.owners && listedUnits === totalUnits) {
    report(SCENARIO_ISSUE.electorateTotal, ['electorate', 'total', 'area_m2'], 'totalAreaNoneLeft', {
      total: m2(totalUnits),
      left: total.owners - listedOwners,
    });
  }
}

function checkCards(file: ScenarioFile, electorate: Electorate | undefined, report: Report) {
  const votedFor = new Map<string, string>(); // owner id → "roles[2].stands_for"
  file.roles.forEach((role, i) => {
    for (const key of ['stands_for', 'proxy_for'] as const) {
      const flats = role[key];
      if (!flats) continue;
      if (!electorate) {
        report(SCENARIO_ISSUE.noElectorate, ['roles', i, key], 'flatsWithoutElectorate', { key });
        continue;
      }
      flats.forEach((flat, j) => {
        const path: Path = ['roles', i, key, j];
        const owner = ownerOfFlat(electorate, flat);
        if (!owner) {
          report(SCENARIO_ISSUE.unknownFlat, path, key === 'proxy_for' ? 'unknownProxyFlat' : 'unknownFlat', {
            flat: flatKey(flat),
            flats: flatList(electorate),
          });
          return;
        }
        const earlier = votedFor.get(owner.id);
        const here = `roles[${i}].${key}`;
        if (earlier !== undefined && earlier !== here) {
          report(SCENARIO_ISSUE.ownerTwice, path, 'ownerTwice', {
            flat: flatKey(flat),
            owner: owner.name.zh,
            ownerFlats: owner.flats.join('+'),
            earlier,
          });
        } else votedFor.set(owner.id, here);
      });
    }
  });
}

function flatList(electorate: Electorate): string {
  const flats = electorate.owners.flatMap((o) => o.flats);
  return flats.length > 12 ? `${flats.slice(0, 12).join(', ')}, …` : flats.join(', ');
}

function checkItem(
  file: ScenarioFile,
  item: BallotItemInput,
  at: Path,
  electorate: Electorate | undefined,
  report: Report,
) {
  const counts = countsAgainstElectorateInFile(file, item);
  if (item.written_ballots && !counts) {
    report(
      SCENARIO_ISSUE.noElectorate,
      [...at, 'written_ballots'],
      electorate ? 'writtenNeedsQuorum' : 'writtenNeedsElectorate',
    );
  }
  if (!counts || !electorate) return;
  const rule = ruleFacts(file, item);
  if (rule?.weight) {
    report(SCENARIO_ISSUE.invalidValue, [...at, 'rule'], 'weightedElectorate', {
      rule: item.rule ?? '',
      weight: rule.weight,
    });
  }
  const filter = item.eligible ?? 'all';
  if (filter !== 'all') {
    const voting = file.roles.filter((r) => !r.npc && matches(r, filter));
    const none = voting.filter((r) => !r.stands_for && !r.proxy_for).map((r) => r.id);
    if (none.length > 0) {
      report(SCENARIO_ISSUE.noOwner, [...at, 'eligible'], 'noOwner', { ids: none.join(', ') });
    }
  }
  if (item.kind === 'election') return checkElectionWritten(item, at, electorate, report, flatList);
  const written = item.written_ballots;
  if (!written) return;
  const seen = new Map<string, number>();
  (written.flats ?? []).forEach((entry, j) => {
    const path: Path = [...at, 'written_ballots', 'flats', j];
    const owner = ownerOfFlat(electorate, entry.flat);
    if (!owner) {
      report(SCENARIO_ISSUE.unknownFlat, [...path, 'flat'], 'unknownWrittenFlat', {
        flat: flatKey(entry.flat),
        flats: flatList(electorate),
      });
      return;
    }
    const first = seen.get(owner.id);
    if (first !== undefined) {
      report(SCENARIO_ISSUE.ownerTwice, [...path, 'flat'], 'writtenTwice', {
        flat: flatKey(entry.flat),
        first,
      });
    } else seen.set(owner.id, j);
    const options = item.options ?? ['yes', 'no', 'abstain'];
    if (!options.includes(entry.choice)) {
      report(SCENARIO_ISSUE.invalidValue, [...path, 'choice'], 'writtenChoice', {
        options: options.join(', '),
        found: entry.choice,
      });
    }
  });
  const tally = written.tally;
  if (!tally) return;
  const entries = Object.values(tally).filter((t) => t !== undefined);
  const owners = entries.reduce((n, t) => n + t.owners, 0);
  const units = entries.reduce((n, t) => n + toAreaUnits(t.area_m2), 0);
  const unlisted = electorate.unlisted;
  const path: Path = [...at, 'written_ballots', 'tally'];
  if (unlisted.owners === 0) {
    report(SCENARIO_ISSUE.electorateTotal, path, 'tallyAllListed');
  } else if (owners > unlisted.owners || units > toAreaUnits(unlisted.area_m2)) {
    report(SCENARIO_ISSUE.electorateTotal, path, 'tallyOver', {
      owners,
      area: m2(units),
      unlisted: unlisted.owners,
      unlistedArea: m2(toAreaUnits(unlisted.area_m2)),
    });
  }
}

function matches(
  role: ScenarioFile['roles'][number],
  filter: Exclude<BallotItemInput['eligible'], undefined>,
) {
  if (filter === 'all') return true;
  if (Array.isArray(filter)) return filter.includes(role.id);
  return role.attributes?.[filter.attribute] === filter.equals;
}

/** Warnings: nothing wrong, but the vote will not teach what its rule is about. */
export function electorateWarnings(file: ScenarioFile): ScenarioIssue[] {
  if (file.electorate) return [];
  const warnings: ScenarioIssue[] = [];
  file.agenda.forEach((item, i) => {
    if ((item.kind === 'vote' || item.kind === 'election') && item.rule?.startsWith('owners_')) {
      warnings.push(
        scenarioIssue(SCENARIO_ISSUE.roomAsElectorate, ['agenda', i, 'rule'], 'roomAsElectorate', {
          title: normalizeText(item.title as TextInput),
          rule: item.rule,
        }),
      );
    }
  });
  return warnings;
}
