import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, signIn } from './api.ts';
import { Field, FormError, useFormSubmit } from './form.tsx';
import { signInProblem } from './messages.ts';

/** Sign-in name and password; wrong ones are told apart from waits and locks. */
export function SignInForm({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormSubmit({
    action: async () => {
      const account = await signIn(login, password);
      if (account) onSignedIn(account);
    },
    problem: (e) => {
      setPassword('');
      return signInProblem(t, e);
    },
  });

  return (
    <section className="panel account-narrow" aria-labelledby="signin-heading">
      <h2 id="signin-heading">{t('accounts.signIn.heading')}</h2>
      <p className="hint">{t('accounts.signIn.intro')}</p>
      <form onSubmit={submit} className="stack">
        <Field
          label={t('accounts.signIn.login')}
          value={login}
          onChange={setLogin}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          testId="signin-login"
        />
        <Field
          label={t('accounts.signIn.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          error={error}
          errorId="signin-error"
          testId="signin-password"
        />
        <FormError error={error} id="signin-error" />
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
