// A counted ballot with its full arithmetic: the rule in plain words, the
// tally by headcount and area, each quorum and pass condition with its share
// and threshold (✓/✗), and why it failed. Elections: each candidate's count.
import { useTranslation } from 'react-i18next';
import type { BallotRecord } from '../../../shared/meeting/context.ts';
import {
  type ConditionResult,
  formatShare,
  type Measure,
  type VoteOutcome,
} from '../../../shared/meeting/rules.ts';
import type { Rule } from '../../../shared/scenario/types.ts';
import { describeRule } from '../../../shared/views/rule-text.ts';
import { useDebrief, useFormat, useNames } from './context.ts';

function Mark({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`db-mark ${met ? 'met' : 'unmet'}`}>
      <span aria-hidden="true">{met ? '✓' : '✗'}</span>
      <span className="visually-hidden">{met ? t('debrief.vote.met') : t('debrief.vote.unmet')}</span>
    </span>
  );
}

/** Whether the area column means anything (secret ballots lose areas the rule ignores). */
const countsArea = (o: VoteOutcome) =>
  [...o.quorum, ...o.pass].some((c) => c.dimension === 'area') || o.eligible.area > 0;

function Tally({ outcome, rule }: { outcome: VoteOutcome; rule: Rule | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const area = countsArea(outcome);
  const rows: [string, Measure][] = [
    [t('debrief.vote.eligible'), outcome.eligible],
    [t('debrief.vote.participating'), outcome.participating],
    [t('choice.yes'), outcome.yes],
    [t('choice.no'), outcome.no],
    [t('choice.abstain'), outcome.abstain],
  ];
  return (
    <table className="db-table db-tally">
      <thead>
        <tr>
          <th scope="col">{t('debrief.vote.count')}</th>
          <th scope="col" className="num">
            {rule?.weight ? t('debrief.vote.weighted') : t('debrief.vote.headcount')}
          </th>
          {area && (
            <th scope="col" className="num">
              {t('debrief.vote.area')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, m]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{f.num(m.headcount)}</td>
            {area && <td className="num">{t('debrief.vote.m2', { n: f.num(m.area) })}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Conditions({ outcome }: { outcome: VoteOutcome }) {
  const { t } = useTranslation();
  const f = useFormat();
  const row = (c: ConditionResult, kind: 'quorum' | 'pass') => (
    <tr key={`${kind}-${c.dimension}`} className={c.met ? 'met' : 'unmet'}>
      <th scope="row">
        {t(`debrief.vote.${kind}`)} · {t(`debrief.vote.dim.${c.dimension}`)}
      </th>
      <td className="num">
        {f.num(c.part)} / {f.num(c.whole)}
      </td>
      <td className="num">
        <strong>{formatShare(c.part, c.whole)}</strong> <Mark met={c.met} />
      </td>
      <td className="num db-needs">
        {c.threshold.strict ? '>' : '≥'} {c.threshold.num}/{c.threshold.den}{' '}
        <span className="db-needs-share">({formatShare(c.threshold.num, c.threshold.den)})</span>
      </td>
    </tr>
  );
  if (outcome.quorum.length + outcome.pass.length === 0) return null;
  return (
    <table className="db-table db-conds">
      <thead>
        <tr>
          <th scope="col">{t('debrief.vote.condition')}</th>
          <th scope="col" className="num">
            {t('debrief.vote.partWhole')}
          </th>
          <th scope="col" className="num">
            {t('debrief.vote.share')}
          </th>
          <th scope="col" className="num">
            {t('debrief.vote.needs')}
          </th>
        </tr>
      </thead>
      <tbody>
        {outcome.quorum.map((c) => row(c, 'quorum'))}
        {outcome.pass.map((c) => row(c, 'pass'))}
      </tbody>
    </table>
  );
}

function Verdict({ outcome }: { outcome: VoteOutcome }) {
  const { t } = useTranslation();
  const reasons = outcome.failed.map((r) => t(`debrief.vote.failed.${r}`)).join(t('debrief.sep'));
  return (
    <p className={`db-verdict ${outcome.passed ? 'passed' : 'failed'}`}>
      <Mark met={outcome.passed} />{' '}
      <strong>{outcome.passed ? t('debrief.vote.passed') : t('debrief.vote.notPassed')}</strong>
      {reasons && <span> — {reasons}</span>}
    </p>
  );
}

/** Who voted what, for open ballots (secret ones arrive without it for trainees). */
function Roll({ votes, seat }: { votes: Record<string, string>; seat: (id: string) => string }) {
  const { t } = useTranslation();
  const groups = (['yes', 'no', 'abstain'] as const)
    .map((choice) => ({ choice, ids: Object.keys(votes).filter((id) => votes[id] === choice) }))
    .filter((g) => g.ids.length > 0);
  if (groups.length === 0) return null;
  return (
    <dl className="db-roll">
      {groups.map((g) => (
        <div key={g.choice}>
          <dt>{t(`choice.${g.choice}`)}</dt>
          <dd>{g.ids.map(seat).join(t('debrief.sep'))}</dd>
        </div>
      ))}
    </dl>
  );
}

export function VoteMath({ ballot }: { ballot: BallotRecord }) {
  const { t } = useTranslation();
  const { scenario } = useDebrief();
  const n = useNames();
  const f = useFormat();
  const rule = scenario.rules[ballot.outcome.rule];
  const seat = (id: string) => (id.startsWith('npc:') ? n.role(id.slice(4)) : n.withCard(id));
  return (
    <div className="db-vote">
      <p className="db-fact-title">
        <span className="badge neutral">{t(`kind.${ballot.kind}`)}</span> {n.item(ballot.item)} ·{' '}
        {t(`debrief.vote.${ballot.ballot}`)}
      </p>
      {rule && <p className="hint db-rule">{n.local(describeRule(rule))}</p>}
      {ballot.kind === 'vote' ? (
        <>
          <Verdict outcome={ballot.outcome} />
          <div className="db-vote-grid">
            <Tally outcome={ballot.outcome} rule={rule} />

            <Conditions outcome={ballot.outcome} />
          </div>
          <Roll votes={ballot.votes} seat={seat} />
        </>
      ) : (
        <>
          <p className="db-verdict">
            {ballot.outcome.elected.length > 0
              ? t('debrief.vote.elected', { names: ballot.outcome.elected.map(seat).join(t('debrief.sep')) })
              : t('debrief.vote.noneElected')}
            {ballot.outcome.tiedForLastSeat.length > 0 &&
              ` ${t('debrief.vote.tied', { names: ballot.outcome.tiedForLastSeat.map(seat).join(t('debrief.sep')) })}`}
          </p>
          <ul className="list-plain db-candidates">
            {ballot.outcome.candidates.map((c) => (
              <li key={c.candidate}>
                <details>
                  <summary>
                    <Mark met={c.outcome.passed} /> <strong>{seat(c.candidate)}</strong> ·{' '}
                    {t('debrief.vote.yesCount', {
                      n: f.num(c.outcome.yes.headcount),
                      share: formatShare(c.outcome.yes.headcount, c.outcome.participating.headcount),
                    })}
                    {c.elected && <span className="badge ok">{t('debrief.vote.electedBadge')}</span>}
                    {c.tied && <span className="badge warn">{t('debrief.vote.tiedBadge')}</span>}
                  </summary>
                  <div className="db-vote-grid">
                    <Tally outcome={c.outcome} rule={rule} />

                    <Conditions outcome={c.outcome} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
