import { useTranslation } from 'react-i18next';
import type { BallotRecord } from '../../../shared/meeting/context.ts';
import { openSeatsSentence } from '../../../shared/meeting/election-words.ts';
import type { ConditionResult, VoteOutcome } from '../../../shared/meeting/rules.ts';
import { useFormat } from './format.ts';
import './moment-strings.ts';
import { useCandidateName } from './names.ts';

/**
 * The counted result: passed or not, and the shares it was decided on. A sealed record (a secret
 * ballot before the debrief) carries only the verdicts: no counts, no shares, no votes per candidate.
 */
export function BallotResult({ record }: { record: BallotRecord }) {
  const { t, i18n } = useTranslation();
  const nameOf = useCandidateName();
  const sealed = record.sealed === true;
  if (record.kind === 'vote') {
    const o = record.outcome;
    return (
      <div className={`tr-result ${o.passed ? 'passed' : 'failed'}`} role="status">
        <p className="tr-result-verdict">
          {o.passed ? t('trainee.result.passed') : t('trainee.result.failed')}
        </p>
        {sealed ? <p className="muted">{t('trainee.result.sealed')}</p> : <Counts outcome={o} />}
        <Conditions outcome={o} sealed={sealed} />
      </div>
    );
  }
  const open = openSeatsSentence(record.outcome, i18n.language === 'zh' ? 'zh' : 'en');
  const o = record.outcome;
  return (
    <div className="tr-result" role="status">
      <p className="tr-result-verdict">
        {o.elected.length > 0
          ? t('trainee.result.elected', { count: o.elected.length, seats: o.seats })
          : t('trainee.result.noneElected')}
      </p>
      {open && (
        <p className="tr-notice">
          {o.tiedForLastSeat.length > 0
            ? t('trainee.result.tied', { open, names: o.tiedForLastSeat.map(nameOf).join(t('trainee.sep')) })
            : t('trainee.result.open', { open })}
        </p>
      )}
      {sealed && <p className="muted">{t('trainee.result.sealed')}</p>}
      <ul className="list-plain">
        {o.candidates.map((c) => (
          <li key={c.candidate}>
            <strong>{nameOf(c.candidate)}</strong>{' '}
            {!sealed && t('trainee.result.candidateYes', { yes: c.outcome.yes.headcount })}{' '}
            <span className={`badge ${c.elected ? 'ok' : 'neutral'}`}>
              {c.elected
                ? t('trainee.result.isElected')
                : c.outcome.passed
                  ? t('trainee.result.passedNotElected')
                  : t('trainee.result.notPassed')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Counts({ outcome }: { outcome: VoteOutcome }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p>
      {t('trainee.result.counts', {
        yes: f.number(outcome.yes.headcount),
        no: f.number(outcome.no.headcount),
        abstain: f.number(outcome.abstain.headcount),
        eligible: f.number(outcome.eligible.headcount),
      })}
    </p>
  );
}

function Conditions({ outcome, sealed }: { outcome: VoteOutcome; sealed: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const row = (kind: 'quorum' | 'pass', c: ConditionResult) => (
    <li key={`${kind}-${c.dimension}`} className={c.met ? 'met' : 'unmet'}>
      <span aria-hidden="true">{c.met ? '✓' : '✗'} </span>
      {t(`trainee.result.${kind}.${c.dimension}`, { base: t(`trainee.result.base.${outcome.passBase}`) })}
      {!(sealed && kind === 'pass') && <strong>{f.share(c.part, c.whole)}</strong>}{' '}
      <span className="muted">
        {t('trainee.result.needs', {
          op: c.threshold.strict ? '>' : '≥',
          num: c.threshold.num,
          den: c.threshold.den,
        })}
      </span>
      <span className="visually-hidden">{c.met ? t('trainee.result.met') : t('trainee.result.unmet')}</span>
    </li>
  );
  const consensus = outcome.failed.filter((f) => f.startsWith('consensus') || f === 'no_participation');
  return (
    <>
      <ul className="tr-conditions">
        {outcome.quorum.map((c) => row('quorum', c))}
        {outcome.pass.map((c) => row('pass', c))}
      </ul>
      {consensus.map((reason) => (
        <p key={reason} className="tr-notice">
          {t(`trainee.result.reason.${reason}`)}
        </p>
      ))}
    </>
  );
}
