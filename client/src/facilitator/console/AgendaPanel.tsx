import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { clocksStopAt, formatClock } from '../../ui/clock.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { useLocalize } from '../../ui/text.ts';

/** The agenda with the current item highlighted and its clock; the guidance for the item in hand. */
export function AgendaPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const currentIndex = live.item?.index ?? -1;
  const current = scenario.agenda[currentIndex];
  const frozen = clocksStopAt(live);

  return (
    <section className="panel fac-agenda" aria-labelledby="fac-agenda-heading">
      <h2 id="fac-agenda-heading">{t('facilitator.agenda.heading')}</h2>
      <ol className="fac-agenda-list">
        {scenario.agenda.map((item, i) => {
          const done = live.record.items.find((r) => r.item === item.id);
          const isCurrent = i === currentIndex && (live.phase === 'running' || live.phase === 'paused');
          return (
            <li
              key={item.id}
              className={isCurrent ? 'current' : done ? 'done' : undefined}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="fac-agenda-n">{i + 1}</span>
              <span className="fac-agenda-main">
                <span className="fac-agenda-title">{L(item.title)}</span>
                <span className="fac-agenda-meta">
                  <span className="badge neutral">{t(`kind.${item.kind}`)}</span>
                  {item.duration !== undefined && (
                    <span>{t('facilitator.agenda.timebox', { count: Math.round(item.duration / 60) })}</span>
                  )}
                  {'perSpeaker' in item && item.perSpeaker !== undefined && (
                    <span>
                      {t('facilitator.agenda.perSpeaker', { time: formatClock(item.perSpeaker * 1000) })}
                    </span>
                  )}
                  {done && !isCurrent && (
                    <span className={done.overtimeMs > 0 ? 'fac-over' : 'muted'}>
                      {done.overtimeMs > 0
                        ? t('facilitator.agenda.doneOver', { time: formatClock(done.overtimeMs) })
                        : t('facilitator.agenda.done')}
                    </span>
                  )}
                </span>
              </span>
              {isCurrent && live.item?.deadline !== undefined && (
                <Countdown
                  deadline={live.item.deadline}
                  label={t('facilitator.status.itemClock')}
                  frozenAt={frozen}
                />
              )}
            </li>
          );
        })}
      </ol>
      {current?.guidance && (
        <div className="fac-guidance">
          <h3>{t('facilitator.agenda.guidance', { title: L(current.title) })}</h3>
          <Markdown text={L(current.guidance)} />
        </div>
      )}
    </section>
  );
}
