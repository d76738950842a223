// Do an election's written ballots add up? Each names only listed candidates,
// at most max_choices of them, once each; the tally of owners not listed by
// flat stays within them, and no candidate is named on more ballots than
// name anyone. Runs beside electorate-check.ts on a schema-valid file.
import { flatKey, ownerOfFlat, toAreaUnits } from './electorate.ts';
import { SCENARIO_ISSUE, type ScenarioIssue } from './issues.ts';
import type { ItemInput } from './schema.ts';
import type { Electorate } from './types.ts';

type Path = (string | number)[];
type Report = (code: ScenarioIssue['code'], path: Path, message: string) => void;
type ElectionInput = Extract<ItemInput, { kind: 'election' }>;

const m2 = (units: number) => `${Math.round(units / 100) / 100} m²`;

export function checkElectionWritten(item: ElectionInput, at: Path, electorate: Electorate, report: Report) {
  const written = item.written_ballots;
  if (!written) return;
  const path: Path = [...at, 'written_ballots'];
  if (item.candidates === 'nominate') {
    report(
      SCENARIO_ISSUE.invalidValue,
      path,
      'written ballots name candidates from the list, but this election takes nominations in the meeting: list its candidates',
    );
    return;
  }
  const listed = item.candidates;
  const max = item.max_choices ?? item.seats;
  const named = (ids: readonly string[], where: Path) => {
    ids.forEach((id, k) => {
      if (!listed.includes(id))
        report(
          SCENARIO_ISSUE.unknownRole,
          [...where, k],
          `"${id}" is not a candidate of this election (its candidates: ${listed.join(', ')})`,
        );
    });
  };
  const seen = new Map<string, number>();
  (written.flats ?? []).forEach((entry, j) => {
    const here: Path = [...path, 'flats', j];
    const owner = ownerOfFlat(electorate, entry.flat);
    if (!owner) {
      report(
        SCENARIO_ISSUE.unknownFlat,
        [...here, 'flat'],
        `a written ballot for flat ${flatKey(entry.flat)}, which is not in the electorate`,
      );
      return;
    }
    const first = seen.get(owner.id);
    if (first !== undefined)
      report(
        SCENARIO_ISSUE.ownerTwice,
        [...here, 'flat'],
        `a second written ballot for the owner of flat ${flatKey(entry.flat)} (first at written_ballots.flats[${first}]); one owner, one ballot`,
      );
    else seen.set(owner.id, j);
    named(entry.choices, [...here, 'choices']);
    if (new Set(entry.choices).size !== entry.choices.length)
      report(SCENARIO_ISSUE.invalidValue, [...here, 'choices'], 'a ballot names each candidate at most once');
    if (entry.choices.length > max)
      report(
        SCENARIO_ISSUE.outOfRange,
        [...here, 'choices'],
        `a ballot may name at most ${max} candidates (max_choices), this one names ${entry.choices.length}`,
      );
  });
  const tally = written.tally;
  if (!tally) return;
  const tallyPath: Path = [...path, 'tally'];
  named(Object.keys(tally.candidates), [...tallyPath, 'candidates']);
  const unlisted = electorate.unlisted;
  const ballots = { owners: tally.ballots.owners, units: toAreaUnits(tally.ballots.area_m2) };
  if (unlisted.owners === 0) {
    report(
      SCENARIO_ISSUE.electorateTotal,
      tallyPath,
      'every owner of the electorate is listed by flat: write their ballots under written_ballots.flats',
    );
    return;
  }
  if (ballots.owners > unlisted.owners || ballots.units > toAreaUnits(unlisted.area_m2)) {
    report(
      SCENARIO_ISSUE.electorateTotal,
      [...tallyPath, 'ballots'],
      `the tally counts ${ballots.owners} owners and ${m2(ballots.units)}, more than the ${unlisted.owners} owners and ${m2(toAreaUnits(unlisted.area_m2))} not listed by flat`,
    );
  }
  const blank = { owners: tally.blank?.owners ?? 0, units: toAreaUnits(tally.blank?.area_m2 ?? 0) };
  if (blank.owners > ballots.owners || blank.units > ballots.units)
    report(SCENARIO_ISSUE.electorateTotal, [...tallyPath, 'blank'], 'more blank ballots than ballots');
  const naming = { owners: ballots.owners - blank.owners, units: ballots.units - blank.units };
  let heads = 0;
  let units = 0;
  for (const [id, m] of Object.entries(tally.candidates)) {
    heads += m.owners;
    units += toAreaUnits(m.area_m2);
    if (m.owners > naming.owners || toAreaUnits(m.area_m2) > naming.units)
      report(
        SCENARIO_ISSUE.electorateTotal,
        [...tallyPath, 'candidates', id],
        `${id} is named on ${m.owners} ballots (${m2(toAreaUnits(m.area_m2))}), more than the ${naming.owners} ballots (${m2(naming.units)}) that name anyone`,
      );
  }
  if (heads > naming.owners * max || units > naming.units * max)
    report(
      SCENARIO_ISSUE.electorateTotal,
      [...tallyPath, 'candidates'],
      `the candidates' counts add up to more names than ${naming.owners} ballots of at most ${max} names can carry`,
    );
}
