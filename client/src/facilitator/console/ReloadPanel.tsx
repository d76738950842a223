import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../connection/session-store.ts';
import { ApiError, reloadSession } from '../api.ts';

/**
 * The session stopped after a server error: the console says so and
 * reloads it from what was saved (with the instructor's sign-in); the
 * clients, this one included, then resync by themselves.
 */
export function ReloadPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const retry = useSession((s) => s.retry);
  const [state, setState] = useState<{ busy: boolean; failed?: string }>({ busy: false });
  const reload = async () => {
    setState({ busy: true });
    try {
      await reloadSession(sessionId);
      setState({ busy: false });
      retry();
    } catch (e) {
      setState({
        busy: false,
        failed: e instanceof ApiError ? t(`errors.${e.code}`, { defaultValue: e.message }) : String(e),
      });
    }
  };
  return (
    <section className="panel" aria-labelledby="fac-stopped-heading" data-testid="console-stopped">
      <h2 id="fac-stopped-heading">{t('errors.session/failed')}</h2>
      <p>{t('facilitator.console.stopped')}</p>
      <button
        type="button"
        className="primary"
        onClick={() => void reload()}
        disabled={state.busy}
        data-testid="console-reload"
      >
        {state.busy ? t('facilitator.console.reloading') : t('facilitator.console.reload')}
      </button>
      {state.failed && <p role="alert">{t('facilitator.console.reloadFailed', { message: state.failed })}</p>}
    </section>
  );
}
