import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { InjectStatus, LiveView } from '../../../../shared/views/types.ts';
import { useRefusal } from '../../connection/may-send.ts';
import { clocksStopAt, formatClock, useServerNow } from '../../ui/clock.ts';
import { useLocalize } from '../../ui/text.ts';
import { injectStatuses, useRun } from './hooks.ts';

function InjectRow({
  inject,
  live,
  scenario,
  now,
}: {
  inject: InjectStatus;
  live: LiveView;
  scenario: Scenario;
  now: number;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { run, busy } = useRun();
  const fire = useRefusal({ type: 'inject.fire', injectId: inject.id });
  const source = scenario.injects.find((i) => i.id === inject.id);
  const to =
    inject.to === 'all'
      ? t('facilitator.injects.toAll')
      : inject.to === 'observers'
        ? t('facilitator.injects.toObservers')
        : inject.to
            .map((id) => L(scenario.roles.find((r) => r.id === id)?.name) || id)
            .join(t('facilitator.sep'));
  let when = '';
  if (inject.fired) {
    const ago = Math.max(0, Math.floor((now - inject.firedAt) / 1000));
    when = t('facilitator.injects.firedAgo', {
      time:
        ago < 60
          ? t('facilitator.injects.seconds', { count: ago })
          : t('facilitator.injects.minutes', { count: Math.floor(ago / 60) }),
      by: t(`facilitator.injects.by.${inject.firedBy ?? 'facilitator'}`),
    });
  } else if (inject.dueAt !== undefined) {
    when = t('facilitator.injects.dueIn', { time: formatClock(Math.max(0, inject.dueAt - now)) });
  } else if (source?.trigger.kind === 'scheduled') {
    const trigger = source.trigger;
    const item = scenario.agenda.find((i) => i.id === trigger.item);
    when = t('facilitator.injects.scheduledAt', {
      item: L(item?.title),
      time: formatClock(trigger.after * 1000),
    });
  }
  let response = '';
  if (inject.fired && inject.respondedAt !== undefined) {
    response = t('facilitator.injects.responded', { time: formatClock(inject.respondedAt - inject.firedAt) });
  } else if (inject.fired && inject.respondBy !== undefined) {
    response =
      inject.respondBy > now && (live.phase === 'running' || live.phase === 'paused')
        ? t('facilitator.injects.respondWithin', { time: formatClock(inject.respondBy - now) })
        : t('facilitator.injects.noResponse');
  }

  return (
    <li className={`fac-inject${inject.fired ? ' fired' : ''}`} data-testid={`inject-${inject.id}`}>
      <div className="fac-inject-head">
        <strong>{L(inject.title)}</strong>
        <span className="badge neutral">{t(`facilitator.injects.trigger.${inject.trigger}`)}</span>
        {!inject.fired && (
          <button
            type="button"
            className={inject.trigger === 'scheduled' ? 'small' : 'small primary'}
            disabled={busy || fire !== null}
            onClick={() => void run({ type: 'inject.fire', injectId: inject.id })}
            aria-label={t(
              inject.trigger === 'scheduled'
                ? 'facilitator.injects.fireNowLabel'
                : 'facilitator.injects.fireLabel',
              { title: L(inject.title) },
            )}
            data-testid={`inject-fire-${inject.id}`}
          >
            {inject.trigger === 'scheduled'
              ? t('facilitator.injects.fireNow')
              : t('facilitator.injects.fire')}
          </button>
        )}
      </div>
      <p className="fac-inject-meta">
        {t('facilitator.injects.to', { to })}
        {when && ` · ${when}`}
        {response && (
          <>
            {' · '}
            <span
              className={
                inject.respondedAt === undefined && inject.respondBy !== undefined && inject.respondBy <= now
                  ? 'fac-over'
                  : undefined
              }
            >
              {response}
            </span>
          </>
        )}
      </p>
      <details>
        <summary>{t('facilitator.injects.details')}</summary>
        <p>{L(inject.body)}</p>
        {inject.expect && (
          <p>
            <strong>{t('facilitator.injects.expect')}</strong> {L(inject.expect)}
          </p>
        )}
      </details>
    </li>
  );
}

/** Injects: the ones to fire by hand, the scheduled ones with their time, the fired ones with the response. */
export function InjectsPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const { run, busy } = useRun();
  const tick = useServerNow(1000);
  const now = clocksStopAt(live) ?? tick;
  const all = injectStatuses(live);
  const groups = [
    { key: 'manual', list: all.filter((i) => !i.fired && i.trigger !== 'scheduled') },
    { key: 'scheduled', list: all.filter((i) => !i.fired && i.trigger === 'scheduled') },
    { key: 'fired', list: all.filter((i) => i.fired).sort((a, b) => b.firedAt - a.firedAt) },
  ];
  const mayFire = live.settings?.observersMayFireInjects ?? false;
  const injectors = live.settings?.injectors ?? null;
  const observers = Object.values(live.coaching?.observers ?? {});
  // Choosing observers one by one: none ticked means all of them.
  const toggleObserver = (id: string, on: boolean) => {
    const current = injectors ?? [];
    const next = on ? [...current, id] : current.filter((o) => o !== id);
    void run({
      type: 'settings.update',
      observersMayFireInjects: true,
      ...(next.length > 0 && { injectors: next }),
    });
  };

  return (
    <section className="panel fac-injects" aria-labelledby="fac-injects-heading">
      <div className="fac-section-head">
        <h2 id="fac-injects-heading">{t('facilitator.injects.heading')}</h2>
        <label className="fac-toggle">
          <input
            type="checkbox"
            checked={mayFire}
            disabled={busy}
            onChange={(e) => void run({ type: 'settings.update', observersMayFireInjects: e.target.checked })}
            data-testid="observers-may-fire"
          />
          <span>{t('facilitator.injects.observersMayFire')}</span>
        </label>
      </div>
      {mayFire && observers.length > 0 && (
        <fieldset className="fac-injectors" data-testid="injectors">
          <legend>{t('facilitator.injects.whichObservers')}</legend>
          {observers.map((o) => (
            <label key={o.id} className="fac-toggle">
              <input
                type="checkbox"
                checked={injectors?.includes(o.id) ?? false}
                disabled={busy}
                onChange={(e) => toggleObserver(o.id, e.target.checked)}
                data-testid={`injector-${o.id}`}
              />
              <span>{o.name}</span>
            </label>
          ))}
          <p className="hint">
            {injectors ? t('facilitator.injects.onlyTicked') : t('facilitator.injects.allObservers')}
          </p>
        </fieldset>
      )}
      {live.phase !== 'running' && all.some((i) => !i.fired) && (
        <p className="hint">{t('facilitator.injects.onlyRunning')}</p>
      )}
      {all.length === 0 && <p className="hint">{t('facilitator.injects.none')}</p>}
      {groups.map(
        (g) =>
          g.list.length > 0 && (
            <div key={g.key}>
              <h3 className="fac-subhead">
                {t(`facilitator.injects.group.${g.key}`, { count: g.list.length })}
              </h3>
              <ul className="fac-inject-list">
                {g.list.map((inject) => (
                  <InjectRow key={inject.id} inject={inject} live={live} scenario={scenario} now={now} />
                ))}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}
