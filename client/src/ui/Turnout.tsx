// Turnout against the quorum's whole as ballots come in: owners and area
// taking part, each against its threshold, and how far short it still is.
// Every figure comes from the projection (shared/meeting/standing.ts); this
// only renders it. Shown to the chair, the projector, the experts and the console.
import { useTranslation } from 'react-i18next';
import { formatShare } from '../../../shared/meeting/share.ts';
import type { Turnout as TurnoutFigures } from '../../../shared/meeting/standing.ts';
import type { LocalText } from '../../../shared/scenario/index.ts';
import { registerStrings } from '../i18n/index.ts';
import { turnout as strings } from '../i18n/locales/turnout.ts';
import { useLocalize } from './text.ts';

registerStrings('turnout', strings);

export function Turnout({
  turnout,
  title,
  testId,
}: {
  turnout: TurnoutFigures;
  /** The electorate's name ("12号楼全体业主"), when the vote counts against one. */
  title?: LocalText;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  if (turnout.quorum.length === 0) return null;
  const locale = i18n.language === 'zh' ? 'zh-CN' : 'en-GB';
  const num = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  const short = turnout.quorum
    .filter((c) => !c.met)
    .map((c) =>
      c.dimension === 'area'
        ? // Round up: 0.05 m² short is still short.
          t('turnout.shortArea', { n: num(Math.ceil(c.short * 10) / 10) })
        : t('turnout.shortHeadcount', { n: num(c.short) }),
    )
    .join(t('turnout.sep'));
  const { bySource } = turnout;
  return (
    <section
      className={`turnout ${turnout.quorumMet ? 'met' : 'unmet'}`}
      data-testid={testId}
      data-quorum={turnout.quorumMet ? 'met' : 'unmet'}
      aria-live="polite"
    >
      <p className="turnout-head">
        <strong>{t('turnout.heading')}</strong>{' '}
        <span className="turnout-base">
          {turnout.base === 'electorate' && title
            ? t('turnout.baseElectorate', { title: L(title) })
            : t('turnout.baseRoom')}
        </span>
      </p>
      <ul className="turnout-conditions">
        {turnout.quorum.map((c) => (
          <li key={c.dimension} className={c.met ? 'met' : 'unmet'} data-dimension={c.dimension}>
            <span className="turnout-dim">{t(`turnout.${c.dimension}`)}</span>{' '}
            <span className="turnout-count">
              {c.dimension === 'area'
                ? t('turnout.areaCount', { part: num(c.part), whole: num(c.whole) })
                : t('turnout.count', { part: num(c.part), whole: num(c.whole) })}
            </span>{' '}
            <span className="turnout-share">
              {t('turnout.share', {
                share: formatShare(c.part, c.whole),
                op: c.threshold.strict ? '>' : '≥',
                need: formatShare(c.threshold.num, c.threshold.den),
              })}
            </span>{' '}
            <span aria-hidden="true">{c.met ? '✓' : '✗'}</span>
            <span className="visually-hidden">{c.met ? t('turnout.met') : t('turnout.unmet')}</span>
          </li>
        ))}
      </ul>
      <p className="turnout-verdict">
        {turnout.quorumMet ? t('turnout.quorumMet') : t('turnout.quorumUnmet', { short })}
      </p>
      {bySource && (
        <p className="turnout-sources">
          {t('turnout.sources', {
            room: num(bySource.room.headcount),
            paper: num(bySource.paper.headcount),
            written: num(bySource.written.headcount),
          })}
        </p>
      )}
    </section>
  );
}
