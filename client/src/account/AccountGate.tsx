import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRole } from '../../../shared/access/rights.ts';
import { type Account, homeOf, useAccount } from './api.ts';
import { SignInForm } from './SignInForm.tsx';

/**
 * Shows `children` to a signed-in account of one of `roles`; the sign-in
 * form to nobody; to another role, where its own start page is.
 */
export function AccountGate({
  roles,
  children,
}: {
  roles: readonly AccountRole[];
  children: (account: Account) => ReactNode;
}) {
  const { t } = useTranslation();
  const state = useAccount();
  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="panel" role="alert">
        {t('accounts.signIn.failed', { message: state.message })}
      </p>
    );
  const { account } = state;
  if (!account) return <SignInForm onSignedIn={() => undefined} />;
  if (!roles.includes(account.role)) {
    const names = roles.map((role) => t(`accounts.roles.${role}`)).join(t('accounts.gate.sep'));
    return (
      <section className="panel" role="alert">
        <p>{t('accounts.gate.wrongRole', { roles: names, role: t(`accounts.roles.${account.role}`) })}</p>
        <a className="button primary" href={homeOf(account)}>
          {t('accounts.gate.goHome')}
        </a>
      </section>
    );
  }
  return <>{children(account)}</>;
}
