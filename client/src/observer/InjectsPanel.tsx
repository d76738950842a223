// Every inject of the scenario: fired ones with the time since and their
// response window, scheduled ones counting down, reserve ones ready to fire
// (when the facilitator allows observers to), each with what a good response looks like.
import { useTranslation } from 'react-i18next';
import type { InjectStatus } from '../../../shared/views/types.ts';
import { useLive } from '../connection/live-slice.ts';
import { useRefusal } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { Countdown } from '../ui/Countdown.tsx';
import { formatClock, useServerNow, useStopAt } from '../ui/clock.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { localize } from '../ui/text.ts';
import { type Labels, useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';

const rank = (i: InjectStatus) =>
  i.fired && i.respondedAt === undefined ? 0 : i.dueAt !== undefined ? 1 : !i.fired ? 2 : 3;

function InjectCard({
  scenario,
  inject,
  labels,
  now,
}: ObserverProps & { inject: InjectStatus; labels: Labels; now: number }) {
  const { t, i18n } = useTranslation();
  const loc = (text: Parameters<typeof localize>[0]) => localize(text, i18n.language);
  const send = useSession((s) => s.send);
  const trigger = scenario.injects.find((i) => i.id === inject.id)?.trigger;
  const frozen = useStopAt();
  // The authority's answers (shared/meeting/may-send.ts): the facilitator's choice of injectors, and
  // any inject not fired yet, scheduled ones included (an expert may fire one early).
  const fire = useRefusal({ type: 'inject.fire', injectId: inject.id });
  const respond = useRefusal({ type: 'inject.respond', injectId: inject.id });
  const awaiting = inject.fired && inject.respondedAt === undefined;
  const title = loc(inject.title);
  const audience =
    inject.to === 'all'
      ? t('observer.injects.toAll')
      : inject.to === 'observers'
        ? t('observer.injects.toObservers')
        : inject.to.map(labels.role).join(t('observer.listSeparator'));
  return (
    <li
      className={`obs-inject${awaiting ? ' awaiting' : ''}${inject.fired ? ' fired' : ''}`}
      data-testid={`inject-${inject.id}`}
    >
      <p className="obs-inject-head">
        <strong>{title}</strong>
        <span className="badge neutral">{t(`observer.injects.trigger.${inject.trigger}`)}</span>
      </p>
      <p className="obs-inject-meta muted">
        {t('observer.injects.to', { who: audience })}
        {inject.competency &&
          ` · ${t('observer.injects.competency', { name: labels.competency(inject.competency) })}`}
      </p>
      <div className="obs-inject-state">
        {inject.fired ? (
          <>
            <span>
              {t('observer.injects.firedAgo', {
                time: formatClock((frozen ?? now) - inject.firedAt),
                at: labels.time(inject.firedAt),
              })}
            </span>
            {inject.respondedAt !== undefined ? (
              <span
                className={`badge ${inject.respondBy !== undefined && inject.respondedAt > inject.respondBy ? 'warn' : 'ok'}`}
              >
                {t('observer.injects.respondedIn', {
                  time: formatClock(inject.respondedAt - inject.firedAt),
                })}
              </span>
            ) : (
              <>
                {inject.respondBy !== undefined && (
                  <span>
                    {t('observer.injects.window')}{' '}
                    <Countdown
                      deadline={inject.respondBy}
                      label={t('observer.injects.window')}
                      {...(frozen !== undefined && { frozenAt: frozen })}
                    />
                  </span>
                )}
                <button
                  type="button"
                  className="small primary"
                  data-testid={`inject-respond-${inject.id}`}
                  disabled={respond !== null}
                  aria-label={t('observer.injects.respondLabel', { title })}
                  onClick={() => void send({ type: 'inject.respond', injectId: inject.id })}
                >
                  {t('observer.injects.respond')}
                </button>
              </>
            )}
          </>
        ) : (
          <>
            {inject.dueAt !== undefined ? (
              <span>
                {t('observer.injects.dueIn')}{' '}
                <Countdown
                  deadline={inject.dueAt}
                  label={t('observer.injects.dueIn')}
                  {...(frozen !== undefined && { frozenAt: frozen })}
                />
              </span>
            ) : (
              trigger?.kind === 'scheduled' && (
                <span className="muted">
                  {t('observer.injects.scheduledAt', {
                    item: labels.item(trigger.item),
                    time: formatClock(trigger.after * 1000),
                  })}
                </span>
              )
            )}
            {fire === null ? (
              <button
                type="button"
                className="small danger"
                data-testid={`inject-fire-${inject.id}`}
                aria-label={t('observer.injects.fireLabel', { title })}
                onClick={() => void send({ type: 'inject.fire', injectId: inject.id })}
              >
                {t('observer.injects.fire')}
              </button>
            ) : (
              fire === 'auth/forbidden' && (
                <span className="muted">{t('observer.injects.facilitatorFires')}</span>
              )
            )}
          </>
        )}
      </div>
      <details className="obs-details">
        <summary>{t('observer.injects.body')}</summary>
        <Markdown text={loc(inject.body)} />
      </details>
      {inject.expect && (
        <details className="obs-details obs-expect" open={awaiting}>
          <summary>{t('observer.injects.expect')}</summary>
          <Markdown text={loc(inject.expect)} />
        </details>
      )}
    </li>
  );
}

export function InjectsPanel(props: ObserverProps) {
  const live = useLive('injects');
  const { t, i18n } = useTranslation();
  const labels = useLabels(props.scenario);
  const now = useServerNow(1000);
  const injects = [...(live.injects as InjectStatus[])].sort((a, b) => rank(a) - rank(b));
  const awaiting = injects.filter((i) => rank(i) === 0).length;
  const latest = injects.filter((i) => i.fired).sort((a, b) => b.firedAt - a.firedAt)[0];
  return (
    <Section
      id="injects"
      title={t('observer.injects.title')}
      testId="injects-panel"
      badge={
        awaiting > 0 && (
          <span className="badge warn">{t('observer.injects.awaiting', { count: awaiting })}</span>
        )
      }
    >
      <p className="visually-hidden" role="status">
        {latest && t('observer.injects.announce', { title: localize(latest.title, i18n.language) })}
      </p>
      {injects.length === 0 ? (
        <p className="muted obs-empty">{t('observer.injects.none')}</p>
      ) : (
        <ul className="obs-injects">
          {injects.map((inject) => (
            <InjectCard key={inject.id} {...props} inject={inject} labels={labels} now={now} />
          ))}
        </ul>
      )}
    </Section>
  );
}
