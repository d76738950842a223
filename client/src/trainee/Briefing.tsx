import { useTranslation } from 'react-i18next';
import { NextTime } from '../debrief/NextTime.tsx';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';

/** Reading time: everyone reads their card; the chair opens the meeting when the room is ready. */
export function Briefing() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { scenario, isChair, send, show, live, me } = useTrainee();
  return (
    <>
      <NextTime plan={me.plan} attempt={live.attempt} />
      <section className="panel tr-lead-panel" aria-labelledby="briefing-heading">
        <h3 id="briefing-heading">{t('trainee.briefing.heading')}</h3>
        <p>{isChair ? t('trainee.briefing.chairBody') : t('trainee.briefing.body')}</p>
        <div className="button-row">
          <button type="button" className={isChair ? undefined : 'primary'} onClick={() => show('card')}>
            {t('trainee.briefing.readCard')}
          </button>
          {isChair && (
            <button
              type="button"
              className="primary"
              data-testid="begin-meeting"
              onClick={() => void send({ type: 'meeting.begin' })}
            >
              {t('trainee.briefing.begin')}
            </button>
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby="agenda-heading">
        <h3 id="agenda-heading">{t('trainee.briefing.agenda')}</h3>
        <ol className="tr-agenda">
          {scenario.agenda.map((item) => (
            <li key={item.id}>
              <span className="tr-agenda-title">{L(item.title)}</span>
              <span className="muted">
                {t(`kind.${item.kind}`)}
                {item.duration !== undefined &&
                  ` · ${t('trainee.minutes', { count: Math.round(item.duration / 60) })}`}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
