import './strings.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Shell } from '../ui/Shell.tsx';
import { loadPassword, savePassword } from './api.ts';
import './facilitator.css';
import { LoginForm } from './home/LoginForm.tsx';
import { ScenarioPicker } from './home/ScenarioPicker.tsx';
import { SessionList } from './home/SessionList.tsx';

/** /facilitator: sign in, pick a scenario to open a session, or manage the sessions already open. */
export default function FacilitatorHome() {
  const { t } = useTranslation();
  const [password, setPassword] = useState<string | null>(() => loadPassword());
  const signIn = (value: string) => {
    savePassword(value);
    setPassword(value);
  };
  const signOut = () => {
    savePassword(null);
    setPassword(null);
  };

  if (!password) {
    return (
      <Shell title={t('facilitator.home.title')}>
        <LoginForm onSignedIn={signIn} />
      </Shell>
    );
  }
  return (
    <Shell title={t('facilitator.home.title')} wide>
      <div className="fac-home">
        <div className="fac-home-bar">
          <p className="hint">{t('facilitator.home.signedIn')}</p>
          <a href="/studio">{t('facilitator.home.studio')}</a>
          <button type="button" className="small" onClick={signOut}>
            {t('facilitator.home.signOut')}
          </button>
        </div>
        <ScenarioPicker password={password} onUnauthorized={signOut} />
        <SessionList password={password} onUnauthorized={signOut} />
      </div>
    </Shell>
  );
}
