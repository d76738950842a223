import { useTranslation } from 'react-i18next';
import type { PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';
import { useLocalize } from '../ui/text.ts';
import { BallotOutcome } from './BallotOutcome.tsx';

/** After the meeting: it is over, and what the votes decided. */
export function ProjectorClosed({ live, scenario }: { live: LiveView; scenario: PublicScenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const view = useSession((s) => s.static);
  const ballots = live.record.ballots;
  return (
    <div className="pj-closed">
      <h2 className="pj-big-line">
        {live.phase === 'debrief' ? t('projector.debrief') : t('projector.closed')}
      </h2>
      {ballots.length > 0 ? (
        <ul className="pj-results" data-testid="projector-result">
          {ballots.map((b) => (
            <li key={`${b.item}-${b.at}`}>
              <h3>{L(scenario.agenda.find((item) => item.id === b.item)?.title)}</h3>
              <BallotOutcome record={b} live={live} staticView={view} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="pj-sub">{t('projector.thanks')}</p>
      )}
    </div>
  );
}
