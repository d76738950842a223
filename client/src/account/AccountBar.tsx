import { useTranslation } from 'react-i18next';
import { may } from '../../../shared/access/rights.ts';
import { navigate } from '../app/router.ts';
import { type Account, principalOf, signOut } from './api.ts';

/** Who is signed in, with their account page, the accounts list for administrators, and signing out. */
export function AccountBar({ account }: { account: Account }) {
  const { t } = useTranslation();
  const leave = async () => {
    await signOut().catch(() => undefined);
    navigate('/sign-in');
  };
  return (
    <div className="account-bar" data-testid="account-bar">
      <p>{t('accounts.bar.signedIn', { name: account.name, role: t(`accounts.roles.${account.role}`) })}</p>
      <a href="/account">{t('accounts.bar.account')}</a>
      {may(principalOf(account), 'accounts.manage') && (
        <a href="/admin/accounts">{t('accounts.bar.admin')}</a>
      )}
      <button type="button" className="small" onClick={() => void leave()} data-testid="sign-out">
        {t('accounts.bar.signOut')}
      </button>
    </div>
  );
}
