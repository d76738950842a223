// The register of owners during a vote of the electorate, for the experts and
// the console: each owner, who casts for them (a seat, a proxy, nobody), and
// their ballot with how it came in. Tallies of owners not listed by flat below.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TallyEntry } from '../../../shared/meeting/electorate.ts';
import type { OwnerStanding } from '../../../shared/meeting/standing.ts';
import { useLocalize } from './text.ts';
import './Turnout.tsx';

export function OwnersTable({
  rows,
  unlisted,
  tallies,
  seatLabel,
  candidateLabel,
  action,
  testId,
}: {
  rows: OwnerStanding[];
  unlisted: { owners: number; area_m2: number };
  tallies: TallyEntry[];
  seatLabel: (seat: string) => string;
  candidateLabel?: (id: string) => string;
  /** A cell of buttons per owner (the console's corrections). */
  action?: (row: OwnerStanding) => ReactNode;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const locale = i18n.language === 'zh' ? 'zh-CN' : 'en-GB';
  const num = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  const ballotText = (row: OwnerStanding) => {
    const b = row.ballot;
    if (!b) return t('turnout.owners.notYet');
    const what = b.choice
      ? t(`choice.${b.choice}`)
      : b.choices
        ? b.choices.length > 0
          ? b.choices.map((c) => candidateLabel?.(c) ?? c).join(t('turnout.sep'))
          : t('turnout.owners.blank')
        : '';
    return t('turnout.owners.ballotWith', { what, how: t(`turnout.owners.source.${b.source}`) });
  };
  const tallied = tallies.reduce((n, x) => n + x.owners, 0);
  const talliedArea = tallies.reduce((n, x) => n + x.areaUnits, 0) / 10_000;
  return (
    <div className="owners-table" data-testid={testId}>
      <table>
        <caption>{t('turnout.owners.caption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('turnout.owners.flat')}</th>
            <th scope="col">{t('turnout.owners.owner')}</th>
            <th scope="col" className="obs-num">
              {t('turnout.owners.area')}
            </th>
            <th scope="col">{t('turnout.owners.who')}</th>
            <th scope="col">{t('turnout.owners.ballot')}</th>
            {action && (
              <th scope="col" className="visually-hidden">
                {t('turnout.owners.correct')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.owner.id}
              data-testid={`owner-${row.owner.id}`}
              data-source={row.ballot?.source ?? 'none'}
              className={row.ballot ? 'met' : undefined}
            >
              <th scope="row">{row.owner.flats.join(t('turnout.owners.flatSep'))}</th>
              <td>{L(row.owner.name)}</td>
              <td className="obs-num">{num(row.owner.area_m2)}</td>
              <td>
                {row.seat
                  ? row.proxy
                    ? t('turnout.owners.proxy', { name: seatLabel(row.seat) })
                    : seatLabel(row.seat)
                  : t('turnout.owners.absent')}
              </td>
              <td>{ballotText(row)}</td>
              {action && <td>{action(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {unlisted.owners > 0 && (
        <p className="muted">
          {t('turnout.owners.unlisted', {
            owners: num(unlisted.owners),
            area: num(unlisted.area_m2),
            tallied: num(tallied),
            talliedArea: num(talliedArea),
          })}
        </p>
      )}
      {tallies.length > 0 && (
        <ol className="owners-tallies">
          {tallies.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tally entries are numbered by position and never reordered
            <li key={i} data-testid={`tally-${i}`}>
              {t('turnout.owners.tally', {
                n: i + 1,
                choice: t(`choice.${x.choice}`),
                owners: num(x.owners),
                area: num(x.areaUnits / 10_000),
              })}
              {(x.was ?? []).length > 0 && t('turnout.owners.corrected')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
