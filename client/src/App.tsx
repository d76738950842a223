import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LibraryPage } from './library/LibraryPage.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <LibraryPage />
      </main>
    </>
  );
}
