import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, type AccountRole } from '../../../shared/access/rights.ts';
import { type Account, api } from './api.ts';
import { errorWords, formatWhen } from './messages.ts';
import { OneTimeSecret } from './OneTimeSecret.tsx';

export interface IssuedLink {
  account: Account;
  link: { path: string; expiresAt: number };
}

/** The full address of a one-time link, to send to the person. */
export const linkUrl = (path: string) => `${location.origin}${path}`;

/** Invite someone: name, sign-in name and role; the one-time link is shown once. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<AccountRole>('instructor');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedLink | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await api<IssuedLink>('/api/accounts', { method: 'POST', body: { name, login, role } });
      setIssued(made);
      setName('');
      setLogin('');
      onInvited();
    } catch (e) {
      setError(t('accounts.admin.failed', { message: errorWords(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('accounts.admin.inviteHeading')}</h2>
      <p className="hint">{t('accounts.admin.inviteIntro')}</p>
      <form onSubmit={submit} className="account-invite">
        <label>
          <span>{t('accounts.admin.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={40}
            required
            data-testid="new-account-name"
          />
        </label>
        <label>
          <span>{t('accounts.admin.login')}</span>
          <input
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            required
            data-testid="new-account-login"
          />
        </label>
        <label>
          <span>{t('accounts.admin.role')}</span>
          <select
            value={role}
            onChange={(e) => setRole(e.target.value as AccountRole)}
            data-testid="new-account-role"
          >
            {ACCOUNT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`accounts.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="primary"
          disabled={busy || !name.trim() || !login.trim()}
          data-testid="new-account-submit"
        >
          {busy ? t('accounts.admin.inviting') : t('accounts.admin.invite')}
        </button>
      </form>
      {error && (
        <p className="account-error" role="alert">
          {error}
        </p>
      )}
      {issued && (
        <OneTimeSecret
          intro={t('accounts.admin.linkFor', {
            name: issued.account.name,
            when: formatWhen(issued.link.expiresAt, i18n.language),
          })}
          value={linkUrl(issued.link.path)}
          testId="new-account-link"
        />
      )}
    </section>
  );
}
