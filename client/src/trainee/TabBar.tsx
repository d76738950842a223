import { useTranslation } from 'react-i18next';
import { type Tab, useTrainee } from './context.ts';

/** Meeting | My card | Tips: at the bottom of a phone, at the top on a laptop. */
export function TabBar({ tab, onChange }: { tab: Tab; onChange: (tab: Tab) => void }) {
  const { t } = useTranslation();
  const { me } = useTrainee();
  const unread = me.tips.filter((tip) => tip.ackAt === undefined).length;
  const tabs: { id: Tab; testid: string; icon: string }[] = [
    { id: 'meeting', testid: 'meeting-tab', icon: '◎' },
    { id: 'card', testid: 'my-card-tab', icon: '▤' },
    { id: 'tips', testid: 'tips-tab', icon: '✎' },
  ];
  return (
    <nav className="tr-tab-bar" aria-label={t('trainee.tabs.label')}>
      {tabs.map(({ id, testid, icon }) => (
        <button
          key={id}
          type="button"
          data-testid={testid}
          aria-current={tab === id ? 'page' : undefined}
          onClick={() => onChange(id)}
          disabled={id === 'card' && !me.card}
        >
          <span className="tr-tab-icon" aria-hidden="true">
            {icon}
          </span>
          <span>{t(`trainee.tabs.${id}`)}</span>
          {id === 'tips' && unread > 0 && (
            <span className="tr-tab-count">
              <span aria-hidden="true">{unread}</span>
              <span className="visually-hidden">{t('trainee.tips.unread', { count: unread })}</span>
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
