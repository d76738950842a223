import { useTranslation } from 'react-i18next';
import { Countdown } from '../ui/Countdown.tsx';
import { clocksStopAt } from '../ui/clock.ts';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';

/** The agenda item under way: n of N, its kind, its title and its time box. */
export function ItemHeader() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, scenario, item } = useTrainee();
  const state = live.item;
  if (!state || !item) return null;
  const next = scenario.agenda[state.index + 1];
  return (
    <section className="panel tr-item-header" data-testid="current-item" aria-labelledby="item-title">
      <div className="tr-item-meta">
        <span className="item-count">
          {t('trainee.item.count', { n: state.index + 1, total: scenario.agenda.length })}
        </span>
        <span className="badge neutral">{t(`kind.${item.kind}`)}</span>
      </div>
      <div className="tr-item-title-row">
        <h3 id="item-title">{L(item.title)}</h3>
        {state.deadline !== undefined && (
          <span className="tr-item-clock">
            <span className="tr-clock-label">{t('trainee.item.timeLeft')}</span>
            <Countdown
              deadline={state.deadline}
              label={t('trainee.item.timeLeft')}
              frozenAt={clocksStopAt(live)}
            />
          </span>
        )}
      </div>
      {next && <p className="hint tr-next-item">{t('trainee.item.next', { title: L(next.title) })}</p>}
    </section>
  );
}
