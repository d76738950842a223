import { useTranslation } from 'react-i18next';
import type { Mood } from '../../../shared/meeting/context.ts';
import { useTrainee } from './context.ts';

const MOODS: Mood[] = ['agree', 'unsure', 'disagree'];

/** A mood card raised silently for the room; tap again to put it down. */
export function MoodBar() {
  const { t } = useTranslation();
  const { live, me, send } = useTrainee();
  const current = live.participants.find((p) => p.id === me.participantId)?.mood ?? null;
  return (
    <section className="panel tr-mood-bar" aria-labelledby="mood-heading">
      <h3 id="mood-heading">{t('trainee.mood.heading')}</h3>
      <div className="tr-mood-buttons">
        {MOODS.map((mood) => (
          <button
            key={mood}
            type="button"
            className={`tr-mood ${mood}`}
            data-testid={`mood-${mood}`}
            aria-pressed={current === mood}
            onClick={() => void send({ type: 'mood.show', mood: current === mood ? null : mood })}
          >
            <span className="tr-mood-dot" aria-hidden="true" />
            {t(`mood.${mood}`)}
          </button>
        ))}
      </div>
      <p className="hint">
        {current ? t('trainee.mood.showing', { mood: t(`mood.${current}`) }) : t('trainee.mood.hint')}
      </p>
    </section>
  );
}
