import './strings.ts';
import './account.css';
import '../facilitator/strings.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Shell } from '../ui/Shell.tsx';
import { AccountBar } from './AccountBar.tsx';
import { AccountGate } from './AccountGate.tsx';
import { AccountsTable } from './AccountsTable.tsx';
import { ApiTokensPanel } from './ApiTokensPanel.tsx';
import { type Account, api } from './api.ts';
import { FormError } from './form.tsx';
import { InviteForm } from './InviteForm.tsx';
import { errorWords } from './messages.ts';

function Accounts({ me }: { me: Account }) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setAccounts((await api<{ accounts: Account[] }>('/api/accounts')).accounts);
    } catch (e) {
      setError(t('accounts.admin.loadFailed', { message: errorWords(t, e) }));
    }
  }, [t]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <>
      <AccountBar account={me} />
      <InviteForm onInvited={() => void refresh()} />
      <FormError error={error} />
      {accounts && <AccountsTable accounts={accounts} me={me} onChanged={() => void refresh()} />}
      <ApiTokensPanel />
    </>
  );
}

/** /admin/accounts — the administrator's list: invite, disable, reset, API tokens. */
export default function AdminAccountsPage() {
  const { t } = useTranslation();
  return (
    <Shell title={t('accounts.admin.title')} wide>
      <div className="account-admin">
        <AccountGate roles={['administrator']}>{(me) => <Accounts me={me} />}</AccountGate>
      </div>
    </Shell>
  );
}
