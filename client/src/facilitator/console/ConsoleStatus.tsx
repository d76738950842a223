import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { clocksStopAt } from '../../ui/clock.ts';
import { useLocalize } from '../../ui/text.ts';

const PHASE_BADGE: Record<string, string> = {
  running: 'ok',
  paused: 'warn',
  lobby: 'neutral',
  briefing: 'neutral',
};

/** Where the meeting stands: phase, attempt, the current item and its clock. */
export function ConsoleStatus({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  // Trainees (the cards experts play are not people in the room).
  const trainees = live.participants.filter((p) => p.playedBy === undefined);
  const online = trainees.filter((p) => p.online).length;
  return (
    <div className="fac-status">
      <p className="fac-phase">
        <span
          className={`badge fac-phase-badge ${PHASE_BADGE[live.phase] ?? ''}`}
          data-testid="phase"
          data-phase={live.phase}
        >
          {t(`phase.${live.phase}`)}
        </span>
        <span className="fac-attempt">{t('facilitator.attempt', { n: live.attempt })}</span>
        <span className="muted">{t('facilitator.status.people', { online, count: trainees.length })}</span>
      </p>
      {item && live.item && (
        <p className="fac-current" data-testid="current-item" data-item={item.id}>
          <span className="fac-current-n">
            {t('facilitator.status.itemOf', { n: live.item.index + 1, total: scenario.agenda.length })}
          </span>
          <strong>{L(item.title)}</strong>
          <span className="badge neutral">{t(`kind.${item.kind}`)}</span>
          {live.item.deadline !== undefined && (
            <Countdown
              deadline={live.item.deadline}
              label={t('facilitator.status.itemClock')}
              {...(clocksStopAt(live) !== undefined && { frozenAt: clocksStopAt(live) })}
            />
          )}
        </p>
      )}
    </div>
  );
}
