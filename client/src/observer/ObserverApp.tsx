// The single-sided screen: experts watch everything live and coach from here.
// A guest expert comes with the observer link: the first visit asks their
// name, and the observer id the server gives back is kept per session, so
// coming back (or reloading) is the same observer. An expert with an account
// comes without a token and is named by the account (AccountObserver).
import './strings.ts';
import '../debrief/strings.ts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../connection/session-store.ts';
import { Shell } from '../ui/Shell.tsx';
import { localize } from '../ui/text.ts';
import { AccountObserver } from './AccountObserver.tsx';
import { NameGate } from './NameGate.tsx';
import { ObserverConsole } from './ObserverConsole.tsx';
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
  const status = useSession((s) => s.status);
  const welcome = useSession((s) => s.welcome);
  const staticView = useSession((s) => s.static);
  // Whether a view has come and the phase, not the view: each panel selects its own parts,
  // so a patch does not re-render the whole console from here.
  const hasLive = useSession((s) => s.live !== undefined);
  const ended = useSession((s) => s.live?.phase === 'closed' || s.live?.phase === 'debrief');
  const error = useSession((s) => s.error);
  const connect = useSession((s) => s.connect);
  const disconnect = useSession((s) => s.disconnect);

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
  const scenario = staticView?.kind === 'full' ? staticView.scenario : undefined;
  if (!scenario || !hasLive || !welcome) {
    return (
      <Shell title={t('observer.title')}>
        {status === 'failed' ? (
          <div className="panel stack" role="alert">
            <p>
              {t('connection.failed', {
                message: t(`errors.${error?.code}`, { defaultValue: error?.message }),
              })}
            </p>
            <div className="button-row">
              <button type="button" className="primary" onClick={() => setTries(tries + 1)}>
                {t('observer.retry')}
              </button>
              <button type="button" onClick={() => setRenaming(true)}>
                {t('observer.changeName')}
              </button>
            </div>
          </div>
        ) : (
          <p className="loading" role="status">
            {t('connection.connecting')}
          </p>
        )}
      </Shell>
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
