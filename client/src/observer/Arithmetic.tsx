// A vote's arithmetic as the experts check it: each quorum and pass condition
// with its part, whole, share and threshold, met or not, and the verdict.
import { useTranslation } from 'react-i18next';
import type { ConditionResult, Measure, VoteOutcome } from '../../../shared/meeting/rules.ts';
import { formatShare } from '../../../shared/meeting/rules.ts';
import type { Rule } from '../../../shared/scenario/index.ts';

export function useMeasureFormat(rule: Rule | undefined) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh' ? 'zh-CN' : 'en-GB';
  const num = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  return {
    num,
    value: (dimension: 'area' | 'headcount', n: number) =>
      dimension === 'area' ? t('observer.vote.area', { n: num(n) }) : num(n),
    dimension: (dimension: 'area' | 'headcount') =>
      dimension === 'area'
        ? t('observer.vote.dimArea')
        : rule?.weight
          ? t('observer.vote.dimWeighted')
          : t('observer.vote.dimHeadcount'),
    measure: (m: Measure) => t('observer.vote.measure', { headcount: num(m.headcount), area: num(m.area) }),
  };
}

function ConditionRow({
  c,
  kind,
  rule,
}: {
  c: ConditionResult;
  kind: 'quorum' | 'pass';
  rule: Rule | undefined;
}) {
  const { t } = useTranslation();
  const f = useMeasureFormat(rule);
  const op = c.threshold.strict ? '>' : '≥';
  return (
    <tr className={c.met ? 'met' : 'unmet'}>
      <th scope="row">
        {t(`observer.vote.${kind}`)}{' '}
        <span className="obs-cond-dim">
          {f.dimension(c.dimension)}
          {c.dimension === 'area' && t('observer.vote.areaUnit')}
        </span>
      </th>
      <td className="obs-num">
        {f.num(c.part)} / {f.num(c.whole)}
      </td>
      <td className="obs-num obs-cond-share">{formatShare(c.part, c.whole)}</td>
      <td className="obs-num">
        {t('observer.vote.needsShort', { op, share: formatShare(c.threshold.num, c.threshold.den) })}
      </td>
      <td className="obs-cond-mark">
        <span aria-hidden="true">{c.met ? '✓' : '✗'}</span>
        <span className="visually-hidden">{c.met ? t('observer.vote.met') : t('observer.vote.unmet')}</span>
      </td>
    </tr>
  );
}

export function Conditions({ outcome, rule }: { outcome: VoteOutcome; rule: Rule | undefined }) {
  const { t } = useTranslation();
  const consensus = rule?.kind === 'consensus';
  return (
    <>
      <table className="obs-conds">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('observer.vote.colCondition')}</th>
            <th scope="col">{t('observer.vote.colCount')}</th>
            <th scope="col">{t('observer.vote.colShare')}</th>
            <th scope="col">{t('observer.vote.colNeeds')}</th>
            <th scope="col">{t('observer.vote.colMet')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.quorum.map((c) => (
            <ConditionRow key={`q-${c.dimension}`} c={c} kind="quorum" rule={rule} />
          ))}
          {outcome.pass.map((c) => (
            <ConditionRow key={`p-${c.dimension}`} c={c} kind="pass" rule={rule} />
          ))}
        </tbody>
      </table>
      {outcome.pass.length > 0 && (
        <p className="obs-cond-base">
          {t('observer.vote.baseNote', { base: t(`observer.vote.base.${outcome.passBase}`) })}
        </p>
      )}
      {consensus && (
        <p
          className={`obs-cond-base ${outcome.failed.some((f) => f.startsWith('consensus')) ? 'unmet' : 'met'}`}
        >
          {t('observer.vote.consensusCount', { yes: outcome.yes.headcount, no: outcome.no.headcount })}
        </p>
      )}
    </>
  );
}

export function Verdict({ outcome, running }: { outcome: VoteOutcome; running: boolean }) {
  const { t } = useTranslation();
  const reasons = outcome.failed.map((f) => t(`observer.vote.failed.${f}`)).join(t('observer.listSeparator'));
  const verdict = outcome.passed ? t('observer.vote.passed') : t('observer.vote.notPassed');
  return (
    <p className={`obs-verdict ${outcome.passed ? 'passed' : 'failed'}`}>
      <strong>{running ? t('observer.vote.asItStands', { verdict }) : verdict}</strong>
      {reasons && <span>{t('observer.vote.because', { reasons })}</span>}
    </p>
  );
}

export function Tally({
  outcome,
  rule,
  notVoted,
}: {
  outcome: VoteOutcome;
  rule: Rule | undefined;
  notVoted?: number;
}) {
  const { t } = useTranslation();
  const f = useMeasureFormat(rule);
  return (
    <dl className="obs-tally">
      {(['yes', 'no', 'abstain'] as const).map((choice) => (
        <div key={choice} className={`obs-tally-${choice}`}>
          <dt>{t(`choice.${choice}`)}</dt>
          <dd>{f.measure(outcome[choice])}</dd>
        </div>
      ))}
      {notVoted !== undefined && (
        <div>
          <dt>{t('observer.vote.notVoted')}</dt>
          <dd>{f.num(notVoted)}</dd>
        </div>
      )}
    </dl>
  );
}
