// An election's count: turnout, then each candidate against the rule, elected
// or tied for the last seat.
import { useTranslation } from 'react-i18next';
import type { ElectionOutcome } from '../../../shared/meeting/rules.ts';
import { formatShare } from '../../../shared/meeting/rules.ts';
import type { Rule } from '../../../shared/scenario/index.ts';
import { Conditions, useMeasureFormat } from './Arithmetic.tsx';
import type { Labels } from './labels.ts';

export function ElectionResults({
  outcome,
  rule,
  labels,
  running,
}: {
  outcome: ElectionOutcome;
  rule: Rule | undefined;
  labels: Labels;
  running: boolean;
}) {
  const { t } = useTranslation();
  const f = useMeasureFormat(rule);
  const first = outcome.candidates[0]?.outcome;
  return (
    <div className="obs-election">
      <p className="obs-turnout">
        {t('observer.vote.turnout', {
          part: f.measure(outcome.participating),
          whole: f.measure(outcome.eligible),
          share: formatShare(outcome.participating.headcount, outcome.eligible.headcount),
        })}
      </p>
      {first && first.quorum.length > 0 && <Conditions outcome={{ ...first, pass: [] }} rule={rule} />}
      <ol className="obs-candidates">
        {outcome.candidates.map((c) => (
          <li key={c.candidate} className={c.elected ? 'elected' : undefined}>
            <span className="obs-candidate-name">{labels.candidate(c.candidate)}</span>
            {c.elected && (
              <span className="badge ok">
                {running ? t('observer.vote.leading') : t('observer.vote.elected')}
              </span>
            )}
            {c.tied && <span className="badge warn">{t('observer.vote.tied')}</span>}
            <div className="obs-candidate-detail">
              <span className="obs-candidate-votes">
                {t('observer.vote.votesFor', { measure: f.measure(c.outcome.yes) })}
              </span>
              {c.outcome.pass.map((p) => (
                <span key={p.dimension} className={p.met ? 'met' : 'unmet'}>
                  {f.dimension(p.dimension)} {formatShare(p.part, p.whole)} /{' '}
                  {t('observer.vote.needsShort', {
                    op: p.threshold.strict ? '>' : '≥',
                    share: formatShare(p.threshold.num, p.threshold.den),
                  })}{' '}
                  <span aria-hidden="true">{p.met ? '✓' : '✗'}</span>
                  <span className="visually-hidden">
                    {p.met ? t('observer.vote.met') : t('observer.vote.unmet')}
                  </span>
                </span>
              ))}
            </div>
          </li>
        ))}
      </ol>
      {outcome.tiedForLastSeat.length > 0 && (
        <p className="obs-verdict failed">{t('observer.vote.runoff')}</p>
      )}
      {!running && (
        <p className="obs-verdict passed">
          {outcome.elected.length > 0
            ? t('observer.vote.electedList', {
                names: outcome.elected.map(labels.candidate).join(t('observer.listSeparator')),
                seats: outcome.seats,
              })
            : t('observer.vote.noneElected')}
        </p>
      )}
    </div>
  );
}

/** Who chose whom: one row per voter. */
export function ElectionBallots({
  choices,
  voters,
  labels,
}: {
  choices: Record<string, string[]>;
  voters: string[];
  labels: Labels;
}) {
  const { t } = useTranslation();
  return (
    <ul className="obs-ballots">
      {voters.map((id) => {
        const chosen = choices[id];
        return (
          <li key={id}>
            <span className="obs-ballot-voter">{labels.participant(id)}</span>
            <span className={chosen?.length ? 'obs-ballot-choices' : 'obs-ballot-choices muted'}>
              {chosen === undefined
                ? t('observer.vote.notVoted')
                : chosen.length === 0
                  ? t('observer.vote.blank')
                  : chosen.map(labels.candidateShort).join(t('observer.listSeparator'))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
