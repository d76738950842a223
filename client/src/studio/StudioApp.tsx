import './strings.ts';
import './studio.css';
import '../account/strings.ts';
import '../account/account.css';
import { useTranslation } from 'react-i18next';
import { AccountGate } from '../account/AccountGate.tsx';
import { Shell } from '../ui/Shell.tsx';
import { EditorScreen } from './EditorScreen.tsx';
import { LibraryView } from './LibraryView.tsx';

/** /studio and /studio/:id — the authoring studio, for signed-in instructors (and administrators). */
export default function StudioApp({ scenarioId }: { scenarioId: string | null }) {
  const { t } = useTranslation();
  return (
    <Shell title={t('studio.title')} wide>
      <AccountGate roles={['administrator', 'instructor']}>
        {() => (scenarioId === null ? <LibraryView /> : <EditorScreen key={scenarioId} id={scenarioId} />)}
      </AccountGate>
    </Shell>
  );
}
