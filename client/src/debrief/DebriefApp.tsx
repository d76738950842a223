// /debrief/:sessionId#trainee | #observer:<token> | #instructor | #expert —
// the debrief after a meeting: connects like the other screens, asks the
// server for the debrief this viewer may read, and shows it.
import './strings.ts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/protocol/errors.ts';
import type { DebriefAccess } from '../app/router.ts';
import { loadSeat } from '../app/seat-storage.ts';
import { useSession } from '../connection/session-store.ts';
import { Shell } from '../ui/Shell.tsx';
import { loadObserver, resolveAccess, type StoredObserver, saveObserver } from './access.ts';
import { DebriefPage } from './DebriefPage.tsx';
import { NameForm } from './NameForm.tsx';
import { useDebriefData } from './useDebriefData.ts';
import './debrief.css';

export default function DebriefApp({ sessionId, access }: { sessionId: string; access: DebriefAccess }) {
  const { t } = useTranslation();
  const [seat] = useState(loadSeat);
  const [observer, setObserver] = useState<StoredObserver | null>(() => loadObserver(sessionId));
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const welcome = useSession((s) => s.welcome);
  const staticView = useSession((s) => s.static);
  const live = useSession((s) => s.live);
  const [tries, setTries] = useState(0);
  const [failure, setFailure] = useState<ErrorPayload>();

  // A failed connection is explained on the page itself, not also in the toast.
  useEffect(() => {
    if (status === 'failed' && error) {
      setFailure(error);
      useSession.getState().dismiss();
    }
  }, [status, error]);

  const resolved = useMemo(
    () => resolveAccess(sessionId, access, seat, observer && { name: observer.name }),
    [sessionId, access, seat, observer],
  );
  const credentialsKey = resolved.ok ? JSON.stringify(resolved.credentials) : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: connect again only when the credentials change (or on retry)
  useEffect(() => {
    if (!resolved.ok) return;
    const session = useSession.getState();
    // A returning observer keeps their id, so their plan items stay theirs.
    const known = loadObserver(sessionId)?.observerId;
    const credentials =
      resolved.credentials.role === 'observer' && known
        ? { ...resolved.credentials, observerId: known }
        : resolved.credentials;
    void session.connect(credentials);
    return () => session.disconnect();
  }, [credentialsKey, tries]);

  const assigned = welcome?.viewer.kind === 'observer' ? welcome.viewer.observerId : undefined;
  useEffect(() => {
    if (!assigned || !observer || welcome?.sessionId !== sessionId || observer.observerId === assigned)
      return;
    const next = { ...observer, observerId: assigned };
    saveObserver(sessionId, next);
    setObserver(next);
  }, [assigned, observer, sessionId, welcome?.sessionId]);

  const { view, error: debriefError, refresh } = useDebriefData(sessionId);

  if (!resolved.ok) {
    if (resolved.reason === 'need_name') {
      return (
        <Shell title={t('debrief.title')}>
          <NameForm
            onSubmit={(name) => {
              const next = { ...loadObserver(sessionId), name };
              saveObserver(sessionId, next);
              setObserver(next);
            }}
          />
        </Shell>
      );
    }
    return (
      <Shell title={t('debrief.title')}>
        <section className="panel" role="alert">
          <h2>{t(`debrief.access.${resolved.reason}.heading`)}</h2>
          <p>{t(`debrief.access.${resolved.reason}.body`)}</p>
          <a className="button primary" href={resolved.reason === 'no_access' ? '/' : '/join'}>
            {resolved.reason === 'no_access' ? t('common.home') : t('debrief.access.join')}
          </a>
        </section>
      </Shell>
    );
  }

  const problem = status === 'failed' ? (failure ?? error) : debriefError;
  const ready = view && staticView && welcome?.sessionId === sessionId;
  if (!ready) {
    return (
      <Shell title={t('debrief.title')}>
        {problem ? (
          <section className="panel stack" role="alert">
            <p>
              {t('debrief.failed', {
                message: t(`errors.${problem.code}`, { defaultValue: problem.message }),
              })}
            </p>
            <div className="button-row">
              <button type="button" className="primary" onClick={() => setTries(tries + 1)}>
                {t('debrief.retry')}
              </button>
            </div>
          </section>
        ) : (
          <p className="loading" role="status">
            {status === 'online' ? t('debrief.loading') : t('connection.connecting')}
          </p>
        )}
      </Shell>
    );
  }
  return (
    <DebriefPage
      sessionId={sessionId}
      view={view}
      staticView={staticView}
      live={live}
      bearer={resolved.bearer}
      refresh={refresh}
    />
  );
}
