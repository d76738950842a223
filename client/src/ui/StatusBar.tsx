import { useTranslation } from 'react-i18next';
import { useSession } from '../connection/session-store.ts';

/** A clear banner while the link is down, and the last refusal as a dismissible alert. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const dismiss = useSession((s) => s.dismiss);
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
