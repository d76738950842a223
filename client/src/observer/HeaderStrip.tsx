// The status strip across the top: where the meeting stands at a glance.
import { useTranslation } from 'react-i18next';
import { useLiveSelect } from '../connection/live-slice.ts';
import { Countdown } from '../ui/Countdown.tsx';
import { formatClock, useServerNow, useStopAt } from '../ui/clock.ts';
import { localize } from '../ui/text.ts';
import { seated } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';

export function HeaderStrip({
  scenario,
  myName,
  onRename,
}: ObserverProps & { myName: string; onRename?: () => void }) {
  const { t, i18n } = useTranslation();
  const live = useLiveSelect((l) => ({
    item: l.item,
    phase: l.phase,
    attempt: l.attempt,
    participants: l.participants,
    observers: l.coaching?.observers,
    startedAt: l.record.startedAt,
    endedAt: l.record.endedAt,
  }));
  const now = useServerNow(1000);
  const frozen = useStopAt();
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  const trainees = seated(live);
  const online = trainees.filter((p) => p.online).length;
  const { startedAt, endedAt } = live;
  const experts = Object.values(live.observers ?? {}).map((o) => o.name);
  const phaseClass = live.phase === 'running' ? 'ok' : live.phase === 'paused' ? 'warn' : 'neutral';
  const itemTitle = item ? localize(item.title, i18n.language) : '';
  return (
    <section className="obs-strip" aria-labelledby="obs-strip-title">
      <h2 id="obs-strip-title" className="visually-hidden">
        {t('observer.strip.title')}
      </h2>
      <div className="obs-strip-main">
        <span className={`badge ${phaseClass}`}>{t(`phase.${live.phase}`)}</span>
        <span className="obs-strip-fact">{t('observer.strip.attempt', { n: live.attempt })}</span>
        {item && live.item ? (
          <span className="obs-strip-item">
            <span className="obs-strip-fact">
              {t('observer.strip.itemOf', { n: live.item.index + 1, total: scenario.agenda.length })}
            </span>
            <span className="badge neutral">{t(`kind.${item.kind}`)}</span>
            <strong className="obs-strip-title">{itemTitle}</strong>
            {live.item.deadline !== undefined && (
              <span className="obs-strip-clock">
                <Countdown
                  deadline={live.item.deadline}
                  label={t('observer.strip.itemClock')}
                  {...(frozen !== undefined && { frozenAt: frozen })}
                />
              </span>
            )}
          </span>
        ) : (
          <span className="obs-strip-fact muted">
            {t(endedAt !== undefined ? 'observer.strip.ended' : 'observer.strip.noItem', {
              total: scenario.agenda.length,
            })}
          </span>
        )}
      </div>
      <div className="obs-strip-side">
        {startedAt !== undefined && (
          <span className="obs-strip-fact">
            {t('observer.strip.elapsed', {
              time: formatClock((frozen ?? now) - startedAt),
            })}
          </span>
        )}
        <span className="obs-strip-fact">
          {t('observer.strip.online', { online, total: trainees.length })}
        </span>
        <span className="obs-strip-fact" title={experts.join('、')}>
          {t('observer.strip.me', { name: myName, count: experts.length })}
        </span>
        {/* A guest chose their name here; an expert's account carries its own. */}
        {onRename && (
          <button type="button" className="small obs-link-button" onClick={onRename}>
            {t('observer.changeName')}
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {t(`phase.${live.phase}`)}
        {itemTitle && ` · ${itemTitle}`}
      </p>
    </section>
  );
}
