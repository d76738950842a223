import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, login } from '../api.ts';

/** The instructor password, checked by the server before anything else is shown. */
export function LoginForm({ onSignedIn }: { onSignedIn: (password: string) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(password);
      onSignedIn(password);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? t('facilitator.login.wrong')
          : t('facilitator.login.failed', { message: (e as Error).message }),
      );
      setBusy(false);
    }
  };

  return (
    <section className="panel fac-login" aria-labelledby="login-heading">
      <h2 id="login-heading">{t('facilitator.login.heading')}</h2>
      <p className="hint">{t('facilitator.login.intro')}</p>
      <form onSubmit={submit} className="stack">
        <label>
          <span>{t('facilitator.login.password')}</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            aria-invalid={error !== null}
            aria-describedby={error ? 'login-error' : undefined}
            data-testid="facilitator-password"
          />
        </label>
        {error && (
          <p id="login-error" className="fac-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="primary"
            disabled={busy || !password}
            data-testid="facilitator-login"
          >
            {busy ? t('facilitator.login.checking') : t('facilitator.login.submit')}
          </button>
          <a href="/">{t('common.home')}</a>
        </div>
      </form>
    </section>
  );
}
