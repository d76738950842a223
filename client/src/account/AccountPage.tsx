import './strings.ts';
import './account.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router.ts';
import { Shell } from '../ui/Shell.tsx';
import { AccountBar } from './AccountBar.tsx';
import { AccountGate } from './AccountGate.tsx';
import { type Account, api, homeOf, signOut } from './api.ts';
import { Field, FormError, useFormSubmit } from './form.tsx';
import { errorWords } from './messages.ts';

function PasswordChange() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [changed, setChanged] = useState(false);
  const { busy, error, submit } = useFormSubmit({
    check: () => (next !== confirm ? t('accounts.invite.mismatch') : null),
    action: async () => {
      setChanged(false);
      await api('/api/auth/password', { method: 'POST', body: { current, next } });
      setChanged(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    },
    problem: (e) => errorWords(t, e),
  });
  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('accounts.account.changeHeading')}</h2>
      <form onSubmit={submit} className="stack account-narrow-form">
        <Field
          label={t('accounts.account.current')}
          type="password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
        />
        <Field
          label={t('accounts.account.next')}
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          minLength={10}
          required
        />
        <Field
          label={t('accounts.account.confirm')}
          type="password"
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          required
        />
        <FormError error={error} />
        {changed && !error && (
          <p className="account-ok" role="status">
            {t('accounts.account.changed')}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !current || !next || !confirm}>
            {t('accounts.account.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Details({ account }: { account: Account }) {
  const { t } = useTranslation();
  const leave = async (everywhere: boolean) => {
    await signOut(everywhere).catch(() => undefined);
    navigate('/sign-in');
  };
  return (
    <>
      <AccountBar account={account} />
      <section className="panel" aria-labelledby="me-heading">
        <h2 id="me-heading">{t('accounts.account.title')}</h2>
        <dl className="account-facts">
          <dt>{t('accounts.account.name')}</dt>
          <dd>{account.name}</dd>
          <dt>{t('accounts.account.login')}</dt>
          <dd>{account.login}</dd>
          <dt>{t('accounts.account.role')}</dt>
          <dd>{t(`accounts.roles.${account.role}`)}</dd>
        </dl>
        <a href={homeOf(account)}>{t('accounts.account.home')}</a>
      </section>
      <PasswordChange />
      <section className="panel" aria-labelledby="leave-heading">
        <h2 id="leave-heading">{t('accounts.account.signOutHeading')}</h2>
        <div className="button-row">
          <button type="button" onClick={() => void leave(false)}>
            {t('accounts.account.signOut')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void leave(true)}
            data-testid="sign-out-everywhere"
          >
            {t('accounts.account.everywhere')}
          </button>
        </div>
        <p className="hint">{t('accounts.account.everywhereHint')}</p>
      </section>
    </>
  );
}

/** /account — one's own name and role, a new password, signing out here or everywhere. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <Shell title={t('accounts.account.title')}>
      <AccountGate roles={['administrator', 'instructor', 'expert']}>
        {(account) => <Details account={account} />}
      </AccountGate>
    </Shell>
  );
}
