import './strings.ts';
import './account.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRole } from '../../../shared/access/rights.ts';
import { navigate } from '../app/router.ts';
import { Shell } from '../ui/Shell.tsx';
import { type Account, api, homeOf } from './api.ts';
import { Field, FormError, useFormSubmit } from './form.tsx';
import { errorWords, formatWhen } from './messages.ts';

interface LinkInfo {
  account: { name: string; login: string; role: AccountRole };
  purpose: 'invite' | 'reset';
  expiresAt: number;
}

type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; link: LinkInfo };

/** /invite#token — an invitation or a reset: the person chooses their password and is signed in. */
export default function InvitationPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  useEffect(() => {
    if (!token) return;
    api<LinkInfo>('/api/links/lookup', { method: 'POST', body: { token } }).then(
      (link) => setLoad({ state: 'ready', link }),
      (error: unknown) => setLoad({ state: 'failed', error }),
    );
  }, [token]);

  const { busy, error, submit } = useFormSubmit({
    check: () => (password !== confirm ? t('accounts.invite.mismatch') : null),
    action: async () => {
      const signedIn = await api<{ account: Account }>('/api/links/accept', {
        method: 'POST',
        body: { token, password },
      });
      navigate(homeOf(signedIn.account));
    },
    problem: (e) => t('accounts.invite.failed', { message: errorWords(t, e) }),
  });

  const body = (() => {
    if (!token) return <p role="alert">{t('accounts.invite.noToken')}</p>;
    if (load.state === 'loading') return <p role="status">{t('accounts.invite.checking')}</p>;
    if (load.state === 'failed')
      return (
        <p role="alert" className="account-error">
          {errorWords(t, load.error)}
        </p>
      );
    const { link } = load;
    const role = t(`accounts.roles.${link.account.role}`);
    return (
      <form onSubmit={submit} className="stack">
        <p>
          {link.purpose === 'invite'
            ? t('accounts.invite.welcome', { name: link.account.name, role })
            : t('accounts.invite.reset', { name: link.account.name })}
        </p>
        <p>
          <strong data-testid="invite-login">
            {t('accounts.invite.login', { login: link.account.login })}
          </strong>
        </p>
        <p className="hint">
          {t('accounts.invite.until', { when: formatWhen(link.expiresAt, i18n.language) })}
        </p>
        {/* For password managers: the sign-in name this password belongs to. */}
        <input type="text" hidden readOnly autoComplete="username" value={link.account.login} />
        <Field
          label={t('accounts.invite.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          minLength={10}
          required
          testId="invite-password"
        />
        <Field
          label={t('accounts.invite.confirm')}
          type="password"
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          required
          error={error}
          errorId="invite-error"
          testId="invite-confirm"
        />
        <FormError error={error} id="invite-error" />
        <div className="button-row">
          <button
            type="submit"
            className="primary"
            disabled={busy || !password || !confirm}
            data-testid="invite-submit"
          >
            {busy ? t('accounts.invite.saving') : t('accounts.invite.submit')}
          </button>
        </div>
      </form>
    );
  })();

  return (
    <Shell title={t('accounts.invite.title')}>
      <section className="panel account-narrow">{body}</section>
    </Shell>
  );
}
