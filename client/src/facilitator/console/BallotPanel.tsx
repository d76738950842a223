import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import { describeRule } from '../../../../shared/views/rule-text.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { useRefusal } from '../../connection/may-send.ts';
import { useSession } from '../../connection/session-store.ts';
import { BallotOutcome } from '../../projector/BallotOutcome.tsx';
import { Turnout } from '../../ui/Turnout.tsx';
import { speakerName, useLocalize } from '../../ui/text.ts';
import { useRun } from './hooks.ts';
import { PaperBallots } from './PaperBallots.tsx';

/** The current vote or election: rule, turnout as it comes in, open and close, and the result. */
export function BallotPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const staticView = useSession((s) => s.static);
  const { run, busy } = useRun();
  // As the authority answers (shared/meeting/may-send.ts): the same check the server makes.
  const openRefused = useRefusal({ type: 'vote.open' });
  const closeRefused = useRefusal({ type: 'vote.close' });
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  const ballot = live.item?.ballot;
  if (!item || !ballot || (item.kind !== 'vote' && item.kind !== 'election')) return null;
  const rule = scenario.rules[item.rule];
  const record = [...live.record.ballots].reverse().find((b) => b.item === item.id);
  const name = (id: string) => speakerName({ kind: 'participant', id }, live, staticView, i18n.language);
  const votes = Object.values(ballot.votes ?? {});
  // A vote of the electorate counts owners (one per owner, however the ballot came in), not seats.
  const counted = ballot.standing?.electorate ? ballot.standing.outcome : undefined;
  const tally = (['yes', 'no', 'abstain'] as const).map(
    (c) =>
      [
        c,
        counted?.kind === 'vote' ? counted.outcome[c].headcount : votes.filter((v) => v === c).length,
      ] as const,
  );
  const perCandidate = ballot.candidates.map((c) => ({
    id: c,
    n: Object.values(ballot.choices ?? {}).filter((list) => list.includes(c)).length,
  }));
  const progress = ballot.voters.length ? Math.round((ballot.castCount / ballot.voters.length) * 100) : 0;

  return (
    <section className="panel fac-ballot" aria-labelledby="fac-ballot-heading">
      <h2 id="fac-ballot-heading">
        {item.kind === 'vote'
          ? t('facilitator.ballot.vote')
          : t('facilitator.ballot.election', { seats: item.seats })}
      </h2>
      {item.kind === 'vote' && <p className="fac-motion">{L(item.motion)}</p>}
      {rule && <p className="hint">{L(describeRule(rule))}</p>}
      <p>
        <span className={`badge ${ballot.open ? 'ok' : 'neutral'}`}>
          {ballot.open
            ? t('facilitator.ballot.open')
            : ballot.closed
              ? t('facilitator.ballot.closed')
              : t('facilitator.ballot.pending')}
        </span>{' '}
        {item.ballot === 'secret' ? t('facilitator.ballot.secret') : t('facilitator.ballot.openBallot')}
      </p>
      {(ballot.open || ballot.closed) && (
        <div className="fac-turnout">
          <p>{t('facilitator.ballot.cast', { cast: ballot.castCount, total: ballot.voters.length })}</p>
          <progress
            max={ballot.voters.length || 1}
            value={ballot.castCount}
            aria-label={t('facilitator.ballot.progress', { pct: progress })}
          />
          {ballot.kind === 'vote' ? (
            <p className="fac-tally">
              {tally.map(([c, n]) => (
                <span key={c}>
                  {t(`choice.${c}`)} <strong>{n}</strong>
                </span>
              ))}
            </p>
          ) : (
            <ul className="fac-tally-list">
              {perCandidate.map((c) => (
                <li key={c.id}>
                  {name(c.id)} <strong>{c.n}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {ballot.open && ballot.turnout && (
        <Turnout turnout={ballot.turnout} title={scenario.electorate?.title} testId="console-turnout" />
      )}
      <PaperBallots item={item} ballot={ballot} seatLabel={name} />
      {item.kind === 'election' && !ballot.open && !ballot.closed && (
        <p className="hint">
          {t('facilitator.ballot.candidates', {
            names:
              [...new Set([...ballot.candidates, ...ballot.nominations])]
                .map(name)
                .join(t('facilitator.sep')) || t('facilitator.ballot.noneYet'),
          })}
        </p>
      )}
      <div className="button-row">
        {!ballot.open && !ballot.closed && (
          <button
            type="button"
            className="primary"
            disabled={busy || openRefused !== null}
            onClick={() => void run({ type: 'vote.open' })}
            data-testid="open-vote"
          >
            {t('facilitator.ballot.openVote')}
          </button>
        )}
        {ballot.open && (
          <button
            type="button"
            className="primary"
            disabled={busy || closeRefused !== null}
            onClick={() => void run({ type: 'vote.close' })}
            data-testid="close-vote"
          >
            {ballot.castCount < ballot.voters.length
              ? t('facilitator.ballot.closeEarly', { count: ballot.voters.length - ballot.castCount })
              : t('facilitator.ballot.closeVote')}
          </button>
        )}
      </div>
      {ballot.closed && record && (
        <BallotOutcome record={record} live={live} staticView={staticView} testId="ballot-result" />
      )}
    </section>
  );
}
