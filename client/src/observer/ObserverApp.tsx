// The single-sided screen: experts watch everything live and coach from here.
// A guest expert comes with the observer link: the first visit asks their
// name, and the observer id the server gives back is kept per session, so
// coming back (or reloading) is the same observer. An expert with an account
// comes without a token and is named by the account (AccountObserver).
import './strings.ts';
import '../debrief/strings.ts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Shell } from '../ui/Shell.tsx';
import { localize } from '../ui/text.ts';
import { AccountObserver } from './AccountObserver.tsx';
import { NameGate } from './NameGate.tsx';
import { ObserverConsole } from './ObserverConsole.tsx';
import { ObserverWaiting, useObserverConnection } from './ObserverWaiting.tsx';
import { loadObserver, type StoredObserver, saveObserver } from './observer-storage.ts';
import './observer.css';

export default function ObserverApp({ sessionId, token }: { sessionId: string; token: string }) {
  return token ? (
    <GuestObserver sessionId={sessionId} token={token} />
  ) : (
    <AccountObserver sessionId={sessionId} />
  );
}

function GuestObserver({ sessionId, token }: { sessionId: string; token: string }) {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<StoredObserver | null>(() => loadObserver(sessionId));
  const [renaming, setRenaming] = useState(false);
  const [tries, setTries] = useState(0);
  const { welcome, scenario, hasLive, ended, connect, disconnect } = useObserverConnection();

  const name = me && !renaming ? me.name : null;
  // Read at connect time only: the server assigning the id must not cause a reconnect.
  const knownId = useRef(me?.observerId);
  knownId.current = me?.observerId;
  useEffect(() => {
    // `tries` (never negative) is read so that "retry" re-runs this effect.
    if (!name || !token || tries < 0) return;
    const observerId = knownId.current;
    // Deferred a tick: React's development double-mount must not open two sockets (two observers).
    const timer = setTimeout(
      () => void connect({ role: 'observer', sessionId, token, name, ...(observerId && { observerId }) }),
      0,
    );
    return () => {
      clearTimeout(timer);
      disconnect();
    };
  }, [name, sessionId, token, connect, disconnect, tries]);

  const assigned = welcome?.viewer.kind === 'observer' ? welcome.viewer.observerId : undefined;
  useEffect(() => {
    if (!assigned || !me || me.observerId === assigned || welcome?.sessionId !== sessionId) return;
    const next = { ...me, observerId: assigned };
    saveObserver(sessionId, next);
    setMe(next);
  }, [assigned, me, sessionId, welcome?.sessionId]);

  const choose = (chosen: string) => {
    const next = { ...me, name: chosen };
    saveObserver(sessionId, next);
    setMe(next);
    setRenaming(false);
  };

  if (!name) {
    return (
      <Shell title={t('observer.title')}>
        <NameGate
          initial={me?.name ?? ''}
          onSubmit={choose}
          {...(renaming && { onCancel: () => setRenaming(false) })}
        />
      </Shell>
    );
  }
  if (!scenario || !hasLive || !welcome) {
    return (
      <ObserverWaiting onRetry={() => setTries(tries + 1)}>
        <button type="button" onClick={() => setRenaming(true)}>
          {t('observer.changeName')}
        </button>
      </ObserverWaiting>
    );
  }
  return (
    <Shell title={localize(scenario.title, i18n.language)} wide>
      {ended && (
        <p className="button-row">
          <a
            className="button primary"
            href={`/debrief/${encodeURIComponent(sessionId)}#observer:${token}`}
            data-testid="observer-debrief-link"
          >
            {t('debrief.link.observer')}
          </a>
        </p>
      )}
      <ObserverConsole
        sessionId={sessionId}
        linkToken={token}
        scenario={scenario}
        myId={assigned ?? ''}
        myName={welcome.name ?? name}
        onRename={() => setRenaming(true)}
      />
    </Shell>
  );
}
