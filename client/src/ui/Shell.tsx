import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { StatusBar } from './StatusBar.tsx';

/** The frame of every screen: a header with the app's name and the language switch, then the screen. */
export function Shell({
  title,
  subtitle,
  children,
  wide,
}: {
  title?: string;
  subtitle?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <header className="app-header">
        <div>
          {/* Every page has one h1: the screen's title, or the app's name where there is none. */}
          {title ? (
            <p className="app-name">{t('app.name')}</p>
          ) : (
            <h1 className="app-name">{t('app.name')}</h1>
          )}
          {title && <h1>{title}</h1>}
          {subtitle && <p className="tagline">{subtitle}</p>}
        </div>
        <LanguageSwitch />
      </header>
      <StatusBar />
      <main id="main" className={wide ? 'wide' : undefined}>
        {children}
      </main>
    </>
  );
}
