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
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [error, dismiss]);
  return (
    <>
      {status === 'reconnecting' && (
        <div className="banner reconnecting" role="status">
          {t('connection.reconnecting')}
        </div>
      )}
      {error && (
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
