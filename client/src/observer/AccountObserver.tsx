// The observer screen of an expert signed in with an account: no token and no
// name to type; the server names the observer as the account is named, on
// every device. Nobody signed in is asked to sign in (or to use a link).
import '../account/strings.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../account/api.ts';
import { Shell } from '../ui/Shell.tsx';
import { localize } from '../ui/text.ts';
import { ObserverConsole } from './ObserverConsole.tsx';
import { ObserverWaiting, useObserverConnection } from './ObserverWaiting.tsx';

export function AccountObserver({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const [tries, setTries] = useState(0);
  const { welcome, scenario, hasLive, ended, connect, disconnect } = useObserverConnection();
  const me = account.status === 'ready' ? account.account : null;
  const isExpert = me?.role === 'expert';

  useEffect(() => {
    if (!isExpert || tries < 0) return;
    // Deferred a tick: React's development double-mount must not open two sockets.
    const timer = setTimeout(() => void connect({ role: 'expert', sessionId }), 0);
    return () => {
      clearTimeout(timer);
      disconnect();
    };
  }, [isExpert, sessionId, connect, disconnect, tries]);

  if (account.status === 'loading') {
    return (
      <Shell title={t('observer.title')}>
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      </Shell>
    );
  }
  if (!isExpert) {
    return (
      <Shell title={t('observer.title')}>
        <section className="panel" role="alert">
          <p>
            {me
              ? t('accounts.observer.wrongRole', { role: t(`accounts.roles.${me.role}`) })
              : t('accounts.observer.signIn')}
          </p>
          {!me && (
            <a
              className="button primary"
              href={`/sign-in?next=${encodeURIComponent(`/observe/${sessionId}`)}`}
              data-testid="observer-sign-in"
            >
              {t('accounts.observer.signInLink')}
            </a>
          )}
        </section>
      </Shell>
    );
  }
  if (!scenario || !hasLive || !welcome || welcome.sessionId !== sessionId) {
    return <ObserverWaiting onRetry={() => setTries(tries + 1)} />;
  }
  const myId = welcome.viewer.kind === 'observer' ? welcome.viewer.observerId : '';
  return (
    <Shell title={localize(scenario.title, i18n.language)} wide>
      <p className="button-row">
        <a href="/expert">{t('accounts.expert.title')}</a>
        {ended && (
          <a
            className="button primary"
            href={`/debrief/${encodeURIComponent(sessionId)}#expert`}
            data-testid="observer-debrief-link"
          >
            {t('debrief.link.observer')}
          </a>
        )}
      </p>
      <ObserverConsole
        sessionId={sessionId}
        scenario={scenario}
        myId={myId}
        myName={welcome.name ?? me.name}
      />
    </Shell>
  );
}
