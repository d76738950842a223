import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, signIn } from './api.ts';
import { signInProblem } from './messages.ts';

/** Sign-in name and password; wrong ones are told apart from waits and locks. */
export function SignInForm({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const account = await signIn(login, password);
      if (account) onSignedIn(account);
    } catch (e) {
      setError(signInProblem(t, e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel account-narrow" aria-labelledby="signin-heading">
      <h2 id="signin-heading">{t('accounts.signIn.heading')}</h2>
      <p className="hint">{t('accounts.signIn.intro')}</p>
      <form onSubmit={submit} className="stack">
        <label>
          <span>{t('accounts.signIn.login')}</span>
          <input
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-testid="signin-login"
          />
        </label>
        <label>
          <span>{t('accounts.signIn.password')}</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            aria-invalid={error !== null}
            aria-describedby={error ? 'signin-error' : undefined}
            data-testid="signin-password"
          />
        </label>
        {error && (
          <p id="signin-error" className="account-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="primary"
            disabled={busy || !login || !password}
            data-testid="signin-submit"
          >
            {busy ? t('accounts.signIn.checking') : t('accounts.signIn.submit')}
          </button>
          <a href="/">{t('common.home')}</a>
        </div>
        <p className="hint">{t('accounts.signIn.forgot')}</p>
      </form>
    </section>
  );
}
