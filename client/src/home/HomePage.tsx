import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router.ts';
import { Shell } from '../ui/Shell.tsx';
import { LibraryList } from './LibraryList.tsx';

/** The front door: join with a code, or sign in (instructors, experts, administrators); the library below. */
export function HomePage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/join?code=${encodeURIComponent(code.trim().toUpperCase())}`);
  };
  return (
    <Shell subtitle={t('app.tagline')}>
      <section className="panel join-panel" aria-labelledby="join-heading">
        <h2 id="join-heading">{t('home.joinHeading')}</h2>
        <form onSubmit={submit} className="inline-form">
          <label>
            <span>{t('home.code')}</span>
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              inputMode="text"
              maxLength={8}
              aria-describedby="code-hint"
              required
            />
          </label>
          <button type="submit" className="primary">
            {t('home.join')}
          </button>
        </form>
        <p id="code-hint" className="hint">
          {t('home.codeHint')}
        </p>
        <p>
          <a href="/sign-in">{t('home.facilitator')}</a>
        </p>
        <p>
          <a href="/portfolio">{t('home.portfolio')}</a>
        </p>
      </section>
      <LibraryList />
    </Shell>
  );
}
