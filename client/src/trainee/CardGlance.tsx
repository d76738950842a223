import { useTranslation } from 'react-i18next';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';

/** On a laptop, my goals and red lines stay in sight beside the meeting. */
export function CardGlance() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { me, show } = useTrainee();
  if (!me.card) return null;
  return (
    <aside className="panel role-card tr-card-glance" aria-labelledby="glance-heading">
      <h3 id="glance-heading">{L(me.card.name)}</h3>
      {me.card.goals.length > 0 && (
        <>
          <h4>{t('trainee.card.goals')}</h4>
          <ul>
            {me.card.goals.map((g) => (
              <li key={g.zh}>{L(g)}</li>
            ))}
          </ul>
        </>
      )}
      {me.card.red_lines.length > 0 && (
        <>
          <h4>{t('trainee.card.redLines')}</h4>
          <ul>
            {me.card.red_lines.map((g) => (
              <li key={g.zh}>{L(g)}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="small" onClick={() => show('card')}>
        {t('trainee.card.openFull')}
      </button>
    </aside>
  );
}
