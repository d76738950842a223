import './strings.ts';
import '../account/strings.ts';
import '../account/account.css';
import '../projector/strings.ts';
import '../debrief/strings.ts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../../shared/access/rights.ts';
import { useSession } from '../connection/session-store.ts';
import { Shell } from '../ui/Shell.tsx';
import { useLocalize } from '../ui/text.ts';
import { listSessions, loadCreated } from './api.ts';
import { AgendaPanel } from './console/AgendaPanel.tsx';
import { BallotPanel } from './console/BallotPanel.tsx';
import { ConsoleStatus } from './console/ConsoleStatus.tsx';
import { FloorPanel } from './console/FloorPanel.tsx';
import { InjectsPanel } from './console/InjectsPanel.tsx';
import { JoinPanel } from './console/JoinPanel.tsx';
import { RecordPanel } from './console/RecordPanel.tsx';
import { ReleaseScores } from './console/ReleaseScores.tsx';
import { ReloadPanel } from './console/ReloadPanel.tsx';
import { RunControls } from './console/RunControls.tsx';
import { SeatsPanel } from './console/SeatsPanel.tsx';
import { SignupPanel } from './console/SignupPanel.tsx';
import './facilitator.css';

/**
 * /facilitate/:id — the instructor's console for one session, opened with
 * the sign-in. Read-only (every control disabled) for an instructor whose
 * session it is not, unless it was shared with them.
 */
export default function FacilitatorConsole({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const connect = useSession((s) => s.connect);
  const disconnect = useSession((s) => s.disconnect);
  const status = useSession((s) => s.status);
  const welcome = useSession((s) => s.welcome);
  const live = useSession((s) => s.live);
  const view = useSession((s) => s.static);
  const error = useSession((s) => s.error);
  const sessionFailed = useSession((s) => s.sessionFailed);
  const created = useMemo(() => loadCreated(sessionId), [sessionId]);

  useEffect(() => {
    void connect({ role: 'facilitator', sessionId });
    return () => disconnect();
  }, [connect, disconnect, sessionId]);

  // Asked of the table of rights, with who the server says this is and whose session it is.
  const access = welcome?.sessionId === sessionId ? welcome.access : undefined;
  const canRun = access ? may(access.principal, 'session.run', access.session) : true;
  const [owner, setOwner] = useState('');
  useEffect(() => {
    if (canRun) return;
    listSessions().then(
      (rows) => setOwner(rows.find((r) => r.id === sessionId)?.owner.name ?? ''),
      () => undefined,
    );
  }, [canRun, sessionId]);

  const ready = welcome?.sessionId === sessionId && live && view?.kind === 'full';
  // Stopped after a server error, now or when this console tried to connect: reload it from here
  // (the server refuses a reload to whoever may not run the session, and says so).
  if (canRun && (sessionFailed || (status === 'failed' && error?.code === 'session/failed'))) {
    return (
      <Shell title={t('facilitator.console.title')}>
        <ReloadPanel sessionId={sessionId} />
        <p className="hint">
          <a href="/facilitator">{t('facilitator.console.backHome')}</a>
        </p>
      </Shell>
    );
  }
  if (status === 'failed' || !ready) {
    const failed = status === 'failed';
    const signIn = error?.code === 'auth/unauthorized' || error?.code === 'auth/signed_out';
    return (
      <Shell title={t('facilitator.console.title')}>
        <section className="panel" aria-live="polite">
          {failed && signIn ? (
            <>
              <p role="alert">{t('accounts.console.signIn')}</p>
              <a
                className="button primary"
                href={`/sign-in?next=${encodeURIComponent(`/facilitate/${sessionId}`)}`}
                data-testid="console-sign-in"
              >
                {t('accounts.console.signInLink')}
              </a>
            </>
          ) : failed ? (
            <>
              <p role="alert">
                {t('facilitator.console.failed', {
                  message: t(`errors.${error?.code}`, { defaultValue: error?.message ?? '' }),
                })}
              </p>
              <a href="/facilitator">{t('facilitator.console.backHome')}</a>
            </>
          ) : (
            <p role="status">{t('connection.connecting')}</p>
          )}
        </section>
      </Shell>
    );
  }

  const scenario = view.scenario;
  const joinCode = welcome.joinCode ?? (created?.sessionId === sessionId ? created.joinCode : undefined);
  const early = live.phase === 'lobby' || live.phase === 'briefing';
  const ended = live.phase === 'closed' || live.phase === 'debrief';
  return (
    <Shell title={L(scenario.title)} subtitle={t('facilitator.console.subtitle')} wide>
      {!canRun && (
        <p className="account-readonly" role="status" data-testid="console-read-only">
          {t('accounts.console.readOnly', { owner })}
        </p>
      )}
      <fieldset className="account-readonly-controls" disabled={!canRun}>
        <div className={`fac-console ${early ? 'early' : 'live'}`}>
          <section className="fac-bar" aria-label={t('facilitator.console.controls')}>
            <ConsoleStatus live={live} scenario={scenario} />
            {ended ? (
              <div className="button-row">
                <RunControls live={live} scenario={scenario} />
                <a
                  className="button"
                  href={`/debrief/${encodeURIComponent(sessionId)}#instructor`}
                  data-testid="facilitator-debrief-link"
                >
                  {t('debrief.link.facilitator')}
                </a>
                <ReleaseScores sessionId={sessionId} />
              </div>
            ) : (
              <RunControls live={live} scenario={scenario} />
            )}
          </section>
          {early ? (
            <div className="fac-grid">
              <div className="fac-col">
                <JoinPanel sessionId={sessionId} joinCode={joinCode} created={created} compact={false} />
              </div>
              <div className="fac-col">
                <SeatsPanel live={live} scenario={scenario} />
              </div>
              <div className="fac-col">
                <AgendaPanel live={live} scenario={scenario} />
                <InjectsPanel live={live} scenario={scenario} />
              </div>
            </div>
          ) : (
            <div className="fac-grid">
              <div className="fac-col">
                {ended ? (
                  <RecordPanel live={live} scenario={scenario} />
                ) : (
                  <>
                    <FloorPanel live={live} scenario={scenario} />
                    <BallotPanel live={live} scenario={scenario} />
                    <SignupPanel live={live} scenario={scenario} />
                  </>
                )}
                <SeatsPanel live={live} scenario={scenario} />
              </div>
              <div className="fac-col">
                <AgendaPanel live={live} scenario={scenario} />
              </div>
              <div className="fac-col">
                <InjectsPanel live={live} scenario={scenario} />
                <JoinPanel sessionId={sessionId} joinCode={joinCode} created={created} compact />
              </div>
            </div>
          )}
          <p className="hint">
            <a href="/facilitator">{t('facilitator.console.backHome')}</a>
          </p>
        </div>
      </fieldset>
    </Shell>
  );
}
