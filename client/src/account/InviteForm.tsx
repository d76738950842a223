import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, type AccountRole } from '../../../shared/access/rights.ts';
import { type Account, api } from './api.ts';
import { Field, FormError, useFormSubmit } from './form.tsx';
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
  const [issued, setIssued] = useState<IssuedLink | null>(null);

  const { busy, error, submit } = useFormSubmit({
    action: async () => {
      const made = await api<IssuedLink>('/api/accounts', { method: 'POST', body: { name, login, role } });
      setIssued(made);
      setName('');
      setLogin('');
      onInvited();
    },
    problem: (e) => t('accounts.admin.failed', { message: errorWords(t, e) }),
  });

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('accounts.admin.inviteHeading')}</h2>
      <p className="hint">{t('accounts.admin.inviteIntro')}</p>
      <form onSubmit={submit} className="account-invite">
        <Field
          label={t('accounts.admin.name')}
          value={name}
          onChange={setName}
          maxLength={40}
          required
          testId="new-account-name"
        />
        <Field
          label={t('accounts.admin.login')}
          value={login}
          onChange={setLogin}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          required
          testId="new-account-login"
        />
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
      <FormError error={error} />
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
