// Who holds the floor and for how long, who is waiting, and how the talking
// has been shared so far.
import { useTranslation } from 'react-i18next';
import { useLive } from '../connection/live-slice.ts';
import { Countdown } from '../ui/Countdown.tsx';
import { formatClock, useServerNow, useStopAt } from '../ui/clock.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';
import { SpeakingBars } from './SpeakingBars.tsx';

export function FloorPanel(props: ObserverProps) {
  const live = useLive('item', 'phase');
  const { t } = useTranslation();
  const labels = useLabels(props.scenario);
  const liveNow = useServerNow(500);
  const frozen = useStopAt();
  const now = frozen ?? liveNow;
  const floor = live.item?.floor ?? null;
  const queue = live.item?.queue ?? [];
  return (
    <Section
      id="floor"
      title={t('observer.floor.title')}
      testId="floor-panel"
      badge={
        queue.length > 0 && (
          <span className="badge neutral">{t('observer.floor.waiting', { count: queue.length })}</span>
        )
      }
    >
      <p className="visually-hidden" role="status">
        {floor && t('observer.floor.announce', { name: labels.speaker(floor.speaker) })}
      </p>
      <div className={`obs-floor${floor ? ' active' : ''}`}>
        {floor ? (
          <>
            <p className="obs-floor-label">
              {floor.pointOfOrder ? t('observer.floor.pointOfOrderHolds') : t('observer.floor.holds')}
            </p>
            <p className="obs-floor-speaker">
              {labels.speaker(floor.speaker)}
              {floor.speaker.kind === 'npc' && (
                <span className="badge neutral">{t('observer.npcBadge')}</span>
              )}
            </p>
            <p className="obs-floor-clock">
              {floor.deadline !== undefined ? (
                <Countdown
                  deadline={floor.deadline}
                  label={t('observer.floor.clock')}
                  {...(frozen !== undefined && { frozenAt: frozen })}
                />
              ) : (
                <span className="countdown" role="timer">
                  {formatClock(now - floor.since)}
                </span>
              )}
              <span className="muted">{t('observer.floor.since', { time: labels.time(floor.since) })}</span>
            </p>
          </>
        ) : (
          <p className="muted">
            {live.item
              ? t('observer.floor.nobody')
              : live.phase === 'closed' || live.phase === 'debrief'
                ? t('observer.floor.ended')
                : t('observer.floor.noItem')}
          </p>
        )}
      </div>
      <h3 className="obs-sub">{t('observer.floor.queue')}</h3>
      {queue.length === 0 ? (
        <p className="muted obs-empty">{t('observer.floor.queueEmpty')}</p>
      ) : (
        <ol className="obs-queue">
          {queue.map((entry) => (
            <li
              key={`${entry.speaker.kind}:${entry.speaker.kind === 'npc' ? entry.speaker.roleId : entry.speaker.id}`}
            >
              <span className="obs-queue-name">{labels.speaker(entry.speaker)}</span>
              {entry.pointOfOrder && <span className="badge warn">{t('observer.floor.pointOfOrder')}</span>}
              <span className="muted obs-queue-wait">
                {t('observer.floor.waited', { time: formatClock(now - entry.raisedAt) })}
              </span>
            </li>
          ))}
        </ol>
      )}
      <SpeakingBars {...props} now={now} />
    </Section>
  );
}
