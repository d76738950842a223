// /roster: the instructors' roster screen (its own chunk: pinyin-free, but
// nothing a trainee's phone needs): the people, courses and cohorts, and a
// cohort's badge sheet at /roster/badges/<cohort>.
import './strings.ts';
import '../account/strings.ts';
import '../account/account.css';
import '../facilitator/facilitator.css';
import './roster.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountBar } from '../account/AccountBar.tsx';
import { AccountGate } from '../account/AccountGate.tsx';
import { Shell } from '../ui/Shell.tsx';
import { BadgeSheet } from './BadgeSheet.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';

export default function RosterApp({ badgesOf, sessionId }: { badgesOf: string | null; sessionId: string }) {
  const { t } = useTranslation();
  // Bumped when the people change, so the cohorts' member lists are read again.
  const [version, setVersion] = useState(0);
  return (
    <Shell title={t('roster.screen.title')} wide>
      <AccountGate roles={['administrator', 'instructor']}>
        {(account) =>
          badgesOf ? (
            <BadgeSheet cohortId={badgesOf} sessionId={sessionId} />
          ) : (
            <div className="roster">
              <AccountBar account={account} />
              <p className="fac-home-bar">
                <a href="/facilitator">{t('roster.screen.back')}</a>
              </p>
              <PeoplePanel onChange={() => setVersion((v) => v + 1)} />
              <GroupsPanel version={version} />
            </div>
          )
        }
      </AccountGate>
    </Shell>
  );
}
