import './strings.ts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router.ts';
import { useSession } from '../connection/session-store.ts';
import { Shell } from '../ui/Shell.tsx';
import { useLocalize } from '../ui/text.ts';
import { InjectBanner } from './InjectBanner.tsx';
import { ProjectorClosed } from './ProjectorClosed.tsx';
import { ProjectorLobby } from './ProjectorLobby.tsx';
import { ProjectorStage } from './ProjectorStage.tsx';
import './projector.css';

function CodeForm({ message }: { message?: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/projector?code=${encodeURIComponent(code.trim().toUpperCase())}`);
  };
  return (
    <section className="pj-message">
      {message && <p role="alert">{message}</p>}
      <form onSubmit={submit} className="inline-form">
        <label>
          <span>{t('projector.enterCode')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            maxLength={16}
            required
          />
        </label>
        <button type="submit" className="primary">
          {t('projector.show')}
        </button>
      </form>
    </section>
  );
}

/** /projector?code= — the room's big screen: public only, large type, readable from the back row. */
export default function ProjectorApp({ code }: { code: string }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const connect = useSession((s) => s.connect);
  const disconnect = useSession((s) => s.disconnect);
  const status = useSession((s) => s.status);
  const live = useSession((s) => s.live);
  const view = useSession((s) => s.static);
  const welcome = useSession((s) => s.welcome);
  const error = useSession((s) => s.error);

  useEffect(() => {
    if (!code) return;
    void connect({ role: 'projector', code });
    return () => disconnect();
  }, [connect, disconnect, code]);

  const ready =
    live && view?.kind === 'public' && welcome?.viewer.kind === 'projector' && status !== 'failed';
  if (!code || !ready) {
    return (
      <div className="projector-root">
        <Shell title={t('projector.title')} wide>
          {!code || status === 'failed' ? (
            <CodeForm
              {...(code && {
                message: t('projector.failed', {
                  message: t(`errors.${error?.code}`, { defaultValue: error?.message ?? '' }),
                }),
              })}
            />
          ) : (
            <p className="pj-message" role="status">
              {t('connection.connecting')}
            </p>
          )}
        </Shell>
      </div>
    );
  }

  const scenario = view.scenario;
  const { phase } = live;
  return (
    <div className={`projector-root phase-${phase}`}>
      <Shell title={L(scenario.title)} wide>
        <div className="pj-screen">
          <div className="pj-topline">
            <span className={`pj-phase ${phase}`} data-testid="projector-phase">
              {t(`phase.${phase}`)}
            </span>
            {live.attempt > 1 && (
              <span className="pj-attempt">{t('projector.attempt', { n: live.attempt })}</span>
            )}
            <span className="pj-spacer" />
            {phase !== 'lobby' && phase !== 'briefing' && (
              <span className="pj-corner-code">
                {t('projector.joinCode')} <strong data-testid="projector-code">{code.toUpperCase()}</strong>
              </span>
            )}
          </div>
          <InjectBanner live={live} />
          {phase === 'lobby' || phase === 'briefing' ? (
            <ProjectorLobby live={live} scenario={scenario} code={code.toUpperCase()} />
          ) : phase === 'running' || phase === 'paused' ? (
            <ProjectorStage live={live} scenario={scenario} />
          ) : (
            <ProjectorClosed live={live} scenario={scenario} />
          )}
        </div>
      </Shell>
    </div>
  );
}
