import './strings.ts';
import './studio.css';
import { useTranslation } from 'react-i18next';
import { loadPassword } from '../facilitator/api.ts';
import { Shell } from '../ui/Shell.tsx';
import { EditorScreen } from './EditorScreen.tsx';
import { LibraryView } from './LibraryView.tsx';

/** /studio and /studio/:id — the authoring studio, for instructors signed in on the instructor desk. */
export default function StudioApp({ scenarioId }: { scenarioId: string | null }) {
  const { t } = useTranslation();
  if (!loadPassword())
    return (
      <Shell title={t('studio.title')}>
        <p>{t('studio.login')}</p>
        <a href="/facilitator">{t('studio.goLogin')}</a>
      </Shell>
    );
  return (
    <Shell title={t('studio.title')} wide>
      {scenarioId === null ? <LibraryView /> : <EditorScreen key={scenarioId} id={scenarioId} />}
    </Shell>
  );
}
