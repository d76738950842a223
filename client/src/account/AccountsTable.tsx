import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../facilitator/console/ConfirmButton.tsx';
import { type Account, api } from './api.ts';
import { FormError } from './form.tsx';
import { type IssuedLink, linkUrl } from './InviteForm.tsx';
import { errorWords, formatWhen } from './messages.ts';
import { OneTimeSecret } from './OneTimeSecret.tsx';

/** Every account: role and status in words, the lock if any; disable, re-enable, a reset link. */
export function AccountsTable({
  accounts,
  me,
  onChanged,
}: {
  accounts: Account[];
  me: Account;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (account: Account, action: 'disable' | 'enable' | 'reset') => {
    setError(null);
    try {
      const answer = await api<IssuedLink>(`/api/accounts/${encodeURIComponent(account.id)}/${action}`, {
        method: 'POST',
      });
      if (action === 'reset') setIssued(answer);
      onChanged();
    } catch (e) {
      setError(t('accounts.admin.failed', { message: errorWords(t, e) }));
    }
  };

  return (
    <section className="panel" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accounts.admin.listHeading')}</h2>
      <FormError error={error} />
      {issued && (
        <OneTimeSecret
          intro={t('accounts.admin.linkFor', {
            name: issued.account.name,
            when: formatWhen(issued.link.expiresAt, i18n.language),
          })}
          value={linkUrl(issued.link.path)}
          testId="reset-link"
        />
      )}
      <div className="account-table-wrap">
        <table className="account-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.admin.colName')}</th>
              <th scope="col">{t('accounts.admin.colLogin')}</th>
              <th scope="col">{t('accounts.admin.colRole')}</th>
              <th scope="col">{t('accounts.admin.colStatus')}</th>
              <th scope="col">{t('accounts.admin.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} data-testid={`account-${account.login}`}>
                <td>
                  {account.name}{' '}
                  {account.id === me.id && <span className="hint">{t('accounts.admin.you')}</span>}
                </td>
                <td>{account.login}</td>
                <td>{t(`accounts.roles.${account.role}`)}</td>
                <td>
                  {t(`accounts.statuses.${account.status}`)}
                  {account.lockedUntil !== null && (
                    <span className="account-locked">
                      {' '}
                      ·{' '}
                      {t('accounts.admin.lockedUntil', {
                        when: formatWhen(account.lockedUntil, i18n.language),
                      })}
                    </span>
                  )}
                </td>
                <td>
                  {account.id !== me.id && (
                    <div className="button-row">
                      {account.status === 'disabled' ? (
                        <button
                          type="button"
                          className="small"
                          onClick={() => void act(account, 'enable')}
                          data-testid={`enable-${account.login}`}
                        >
                          {t('accounts.admin.enable')}
                        </button>
                      ) : (
                        <ConfirmButton
                          label={t('accounts.admin.disable')}
                          ariaLabel={t('accounts.admin.disableLabel', { name: account.name })}
                          prompt={t('accounts.admin.disableConfirm', { name: account.name })}
                          confirmLabel={t('accounts.admin.confirmDisable')}
                          onConfirm={() => void act(account, 'disable')}
                          testId={`disable-${account.login}`}
                          confirmTestId={`confirm-disable-${account.login}`}
                          small
                        />
                      )}
                      {account.status !== 'disabled' && (
                        <button
                          type="button"
                          className="small"
                          onClick={() => void act(account, 'reset')}
                          aria-label={t('accounts.admin.resetLabel', { name: account.name })}
                          data-testid={`reset-${account.login}`}
                        >
                          {t('accounts.admin.reset')}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
