import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../connection/session-store.ts';

/** How long a refusal stays up: long enough to read, short enough not to sit on the screen. */
export const TOAST_MS = 6000;

/** A clear banner while the link is down, and the last refusal as an alert that times out. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const dismiss = useSession((s) => s.dismiss);
  const sessionFailed = useSession((s) => s.sessionFailed);
  const retry = useSession((s) => s.retry);
  // Stopped after a server error (now, or when this page tried to connect): say so, offer a retry.
  const stopped =
    sessionFailed ?? (status === 'failed' && error?.code === 'session/failed' ? error : undefined);
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [error, dismiss]);
  return (
    <>
      {stopped && (
        <div className="banner reconnecting" role="alert" data-testid="session-failed">
          <span>{t('errors.session/failed', { defaultValue: stopped.message })}</span>{' '}
          <button type="button" className="small" onClick={retry} data-testid="session-retry">
            {t('connection.retry')}
          </button>
        </div>
      )}
      {status === 'reconnecting' && (
        <div className="banner reconnecting" role="status">
          {t('connection.reconnecting')}
        </div>
      )}
      {error && !stopped && (
        <div className="toast" role="alert">
          <span>{t(`errors.${error.code}`, { defaultValue: error.message })}</span>
          <button type="button" onClick={dismiss} aria-label={t('common.dismiss')}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
