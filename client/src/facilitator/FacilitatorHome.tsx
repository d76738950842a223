import './strings.ts';
import '../account/strings.ts';
import '../roster/strings.ts';
import '../account/account.css';
import { useTranslation } from 'react-i18next';
import { may } from '../../../shared/access/rights.ts';
import { AccountBar } from '../account/AccountBar.tsx';
import { AccountGate } from '../account/AccountGate.tsx';
import { principalOf } from '../account/api.ts';
import { Shell } from '../ui/Shell.tsx';
import './facilitator.css';
import { ScenarioPicker } from './home/ScenarioPicker.tsx';
import { SessionList } from './home/SessionList.tsx';

/** /facilitator: sign in, pick a scenario to open a session, or manage the sessions already open. */
export default function FacilitatorHome() {
  const { t } = useTranslation();
  return (
    <Shell title={t('facilitator.home.title')} wide>
      <AccountGate roles={['administrator', 'instructor']}>
        {(account) => (
          <div className="fac-home">
            <AccountBar account={account} />
            <p className="fac-home-bar">
              {may(principalOf(account), 'scenarios.edit') && (
                <a href="/studio">{t('facilitator.home.studio')}</a>
              )}
              {may(principalOf(account), 'roster.manage') && <a href="/roster">{t('roster.screen.title')}</a>}
            </p>
            <ScenarioPicker />
            <SessionList me={account} />
          </div>
        )}
      </AccountGate>
    </Shell>
  );
}
