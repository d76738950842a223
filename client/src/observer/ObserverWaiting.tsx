// What both observer screens (a guest with the link, an expert signed in)
// read of the connection, and what they show until the console can open:
// "connecting", or the failure and a retry (and whatever else the screen
// offers beside it, as children).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../connection/session-store.ts';
import { Shell } from '../ui/Shell.tsx';

export function useObserverConnection() {
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
  const scenario = staticView?.kind === 'full' ? staticView.scenario : undefined;
  return { status, welcome, scenario, hasLive, ended, error, connect, disconnect };
}

export function ObserverWaiting({ onRetry, children }: { onRetry: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
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
            <button type="button" className="primary" onClick={onRetry}>
              {t('observer.retry')}
            </button>
            {children}
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
