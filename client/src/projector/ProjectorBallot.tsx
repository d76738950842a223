import { useTranslation } from 'react-i18next';
import type { PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';
import { Turnout } from '../ui/Turnout.tsx';
import { candidateSpeaker, characterName, useLocalize } from '../ui/text.ts';
import { BallotOutcome } from './BallotOutcome.tsx';

function currentBallotItem(live: LiveView, scenario: PublicScenario) {
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  return item && (item.kind === 'vote' || item.kind === 'election') ? item : undefined;
}

/** What is being decided: the motion, or the seats and the candidates. */
export function BallotMotion({ live, scenario }: { live: LiveView; scenario: PublicScenario }) {
  const { t, i18n } = useTranslation();
  const view = useSession((s) => s.static);
  const L = useLocalize();
  const item = currentBallotItem(live, scenario);
  const ballot = live.item?.ballot;
  if (!item) return null;
  const candidates = ballot ? [...new Set([...ballot.candidates, ...ballot.nominations])] : [];
  return (
    <div className="pj-ballot">
      {item.kind === 'vote' ? (
        <p className="pj-motion">{L(item.motion)}</p>
      ) : (
        <p className="pj-motion">{t('projector.electionSeats', { seats: item.seats })}</p>
      )}
      {item.kind === 'election' && candidates.length > 0 && (
        <p className="pj-candidates">
          {t('projector.candidates', {
            names: candidates
              .map((id) => characterName(candidateSpeaker(id), live, view, i18n.language))
              .join(t('projector.sep')),
          })}
        </p>
      )}
    </div>
  );
}

/** How the vote stands: not open yet, how many have voted, or the result. */
export function BallotStatus({ live, scenario }: { live: LiveView; scenario: PublicScenario }) {
  const { t } = useTranslation();
  const view = useSession((s) => s.static);
  const item = currentBallotItem(live, scenario);
  const ballot = live.item?.ballot;
  if (!item || !ballot) return null;
  const record = [...live.record.ballots].reverse().find((b) => b.item === item.id);
  const pct = ballot.voters.length ? Math.round((ballot.castCount / ballot.voters.length) * 100) : 0;
  if (ballot.closed && record) {
    return <BallotOutcome record={record} live={live} staticView={view} testId="projector-result" />;
  }
  if (ballot.open) {
    return (
      <div className="pj-turnout" aria-live="polite">
        <p className="pj-voting">{t('projector.voting')}</p>
        <p>{t('projector.cast', { cast: ballot.castCount, total: ballot.voters.length })}</p>
        <div className="pj-bar" aria-hidden="true">
          <span className="pj-bar-fill" style={{ width: `${pct}%` }} />
        </div>
        {ballot.turnout && (
          <Turnout turnout={ballot.turnout} title={scenario.electorate?.title} testId="projector-turnout" />
        )}
      </div>
    );
  }
  return <p className="pj-voting">{t('projector.voteSoon')}</p>;
}
