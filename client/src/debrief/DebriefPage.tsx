import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebriefView } from '../../../shared/debrief/build.ts';
import type { LiveView, StaticView } from '../../../shared/views/types.ts';
import { Shell } from '../ui/Shell.tsx';
import { useLocalize } from '../ui/text.ts';
import { Comparison } from './Comparison.tsx';
import { type Debrief, DebriefContext, startedAttempts } from './context.ts';
import { Minutes, Questions } from './Minutes.tsx';
import { Participation } from './Participation.tsx';
import { Plan } from './Plan.tsx';
import { Scores } from './Scores.tsx';
import { Secrets } from './Secrets.tsx';
import { Timeline } from './Timeline.tsx';
import { Toolbar } from './Toolbar.tsx';

/** Once the next attempt starts, the way back to the meeting screen this viewer came from. */
function BackToMeeting({
  live,
  audience,
  sessionId,
  bearer,
}: {
  live: LiveView | undefined;
  audience: DebriefView['viewer']['audience'];
  sessionId: string;
  bearer: string;
}) {
  const { t } = useTranslation();
  if (!live || live.phase === 'closed' || live.phase === 'debrief') return null;
  const id = encodeURIComponent(sessionId);
  const href =
    audience === 'trainee'
      ? '/session'
      : `/${audience === 'observer' ? 'observe' : 'facilitate'}/${id}#${encodeURIComponent(bearer)}`;
  return (
    <p className="panel db-back" role="status" data-testid="back-to-meeting">
      <strong>{t('debrief.back.started', { n: live.attempt })}</strong>{' '}
      <a className="button primary" href={href} data-testid="back-to-meeting-link">
        {t('debrief.back.link')}
      </a>
    </p>
  );
}

/** The attempt to open on: the latest one that has started (a retake's fresh lobby has nothing yet). */
function latestStarted(view: DebriefView): number {
  const started = view.attempts.filter((a) => a.record.startedAt !== undefined);
  return (started.at(-1) ?? view.attempts.at(-1))?.attempt ?? 1;
}

export function DebriefPage({
  sessionId,
  view,
  staticView,
  live,
  bearer,
  refresh,
}: {
  sessionId: string;
  view: DebriefView;
  staticView: StaticView;
  live: LiveView | undefined;
  bearer: string;
  refresh(): void;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const [chosen, setChosen] = useState<number | null>(null);
  const number = chosen ?? latestStarted(view);
  const attempt = view.attempts.find((a) => a.attempt === number) ?? view.attempts.at(-1);
  const me = view.viewer.audience === 'trainee' ? view.viewer.participantId : undefined;

  // Printing expands everything: folded ballot details open before the page is laid out.
  useEffect(() => {
    const expand = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('.debrief details')) d.open = true;
    };
    addEventListener('beforeprint', expand);
    return () => removeEventListener('beforeprint', expand);
  }, []);

  const value = useMemo<Debrief | null>(
    () =>
      attempt
        ? {
            sessionId,
            view,
            attempt,
            scenario: staticView.scenario,
            full: staticView.kind === 'full' ? staticView.scenario : undefined,
            audience: view.viewer.audience,
            bearer,
            live,
            me,
            setAttempt: setChosen,
            refresh,
          }
        : null,
    [sessionId, view, attempt, staticView, bearer, live, me, refresh],
  );
  if (!value || !attempt) return null;

  const started = attempt.record.startedAt !== undefined;
  const compare = startedAttempts(view).length > 1;
  return (
    <DebriefContext.Provider value={value}>
      <Shell
        title={L(staticView.scenario.title)}
        subtitle={me ? t('debrief.subtitleMine') : t('debrief.subtitle')}
        wide={!me}
      >
        <div className={`debrief ${me ? 'db-trainee' : 'db-expert'}`} data-testid="debrief-app">
          <BackToMeeting live={live} audience={view.viewer.audience} sessionId={sessionId} bearer={bearer} />
          <Toolbar compare={compare} started={started} />
          <p className="db-print-only">
            {t('debrief.attempt.option', { n: attempt.attempt })}
            {me && ` · ${view.participants.find((p) => p.id === me)?.name ?? ''}`}
          </p>
          {!started && (
            <p className="panel hint" role="status">
              {t('debrief.notStarted', { n: attempt.attempt })}
            </p>
          )}
          {started && (
            <>
              <Timeline />
              <Scores />
              <Participation />
            </>
          )}
          <Plan />
          {compare && <Comparison />}
          {view.secrets && <Secrets />}
          {started && <Minutes />}
          <Questions />
        </div>
      </Shell>
    </DebriefContext.Provider>
  );
}
