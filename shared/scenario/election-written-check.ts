// Do an election's written ballots add up? Each names only listed candidates,
// at most max_choices of them, once each; the tally of owners not listed by
// flat stays within them, and no candidate is named on more ballots than
// name anyone. Runs beside electorate-check.ts on a schema-valid file.
import { flatKey, ownerOfFlat, toAreaUnits } from './electorate.ts';
import { SCENARIO_ISSUE, type ScenarioIssue } from './issues.ts';
import type { MessageKey, MessageParams } from './messages.ts';
import type { ItemInput } from './schema.ts';
import type { Electorate } from './types.ts';

type Path = (string | number)[];
type Report = (code: ScenarioIssue['code'], path: Path, key: MessageKey, params?: MessageParams) => void;
type ElectionInput = Extract<ItemInput, { kind: 'election' }>;

const m2 = (units: number) => `${Math.round(units / 100) / 100} m²`;

export function checkElectionWritten(
  item: ElectionInput,
  at: Path,
  electorate: Electorate,
  report: Report,
  flatList: (electorate: Electorate) => string,
) {
  const written = item.written_ballots;
  if (!written) return;
  const path: Path = [...at, 'written_ballots'];
  if (item.candidates === 'nominate') {
    report(SCENARIO_ISSUE.invalidValue, path, 'electionWrittenNominated');
    return;
  }
  const listed = item.candidates;
  const max = item.max_choices ?? item.seats;
  const named = (ids: readonly string[], where: Path) => {
    ids.forEach((id, k) => {
      if (!listed.includes(id))
        report(SCENARIO_ISSUE.unknownRole, [...where, k], 'notACandidate', {
          id,
          candidates: listed.join(', '),
        });
    });
  };
  const seen = new Map<string, number>();
  (written.flats ?? []).forEach((entry, j) => {
    const here: Path = [...path, 'flats', j];
    const owner = ownerOfFlat(electorate, entry.flat);
    if (!owner) {
      report(SCENARIO_ISSUE.unknownFlat, [...here, 'flat'], 'unknownWrittenFlat', {
        flat: flatKey(entry.flat),
        flats: flatList(electorate),
      });
      return;
    }
    const first = seen.get(owner.id);
    if (first !== undefined)
      report(SCENARIO_ISSUE.ownerTwice, [...here, 'flat'], 'writtenTwice', {
        flat: flatKey(entry.flat),
        first,
      });
    else seen.set(owner.id, j);
    named(entry.choices, [...here, 'choices']);
    if (new Set(entry.choices).size !== entry.choices.length)
      report(SCENARIO_ISSUE.invalidValue, [...here, 'choices'], 'electionChoiceTwice');
    if (entry.choices.length > max)
      report(SCENARIO_ISSUE.outOfRange, [...here, 'choices'], 'electionTooManyChoices', {
        max,
        count: entry.choices.length,
      });
  });
  const tally = written.tally;
  if (!tally) return;
  const tallyPath: Path = [...path, 'tally'];
  named(Object.keys(tally.candidates), [...tallyPath, 'candidates']);
  const unlisted = electorate.unlisted;
  const ballots = { owners: tally.ballots.owners, units: toAreaUnits(tally.ballots.area_m2) };
  if (unlisted.owners === 0) {
    report(SCENARIO_ISSUE.electorateTotal, tallyPath, 'tallyAllListed');
    return;
  }
  if (ballots.owners > unlisted.owners || ballots.units > toAreaUnits(unlisted.area_m2)) {
    report(SCENARIO_ISSUE.electorateTotal, [...tallyPath, 'ballots'], 'tallyOver', {
      owners: ballots.owners,
      area: m2(ballots.units),
      unlisted: unlisted.owners,
      unlistedArea: m2(toAreaUnits(unlisted.area_m2)),
    });
  }
  const blank = { owners: tally.blank?.owners ?? 0, units: toAreaUnits(tally.blank?.area_m2 ?? 0) };
  if (blank.owners > ballots.owners || blank.units > ballots.units)
    report(SCENARIO_ISSUE.electorateTotal, [...tallyPath, 'blank'], 'electionBlankOver');
  const naming = { owners: ballots.owners - blank.owners, units: ballots.units - blank.units };
  let heads = 0;
  let units = 0;
  for (const [id, m] of Object.entries(tally.candidates)) {
    heads += m.owners;
    units += toAreaUnits(m.area_m2);
    if (m.owners > naming.owners || toAreaUnits(m.area_m2) > naming.units)
      report(SCENARIO_ISSUE.electorateTotal, [...tallyPath, 'candidates', id], 'candidateNamedOver', {
        id,
        owners: m.owners,
        area: m2(toAreaUnits(m.area_m2)),
        naming: naming.owners,
        namingArea: m2(naming.units),
      });
  }
  if (heads > naming.owners * max || units > naming.units * max)
    report(SCENARIO_ISSUE.electorateTotal, [...tallyPath, 'candidates'], 'candidateNamesOver', {
      naming: naming.owners,
      max,
    });
}
