import { useTranslation } from 'react-i18next';
import { speakerKey } from '../../../../shared/meeting/context.ts';
import { hasFloor } from '../../../../shared/meeting/floor.ts';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { useMay } from '../../connection/may-send.ts';
import { useSession } from '../../connection/session-store.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { clocksStopAt, formatClock, useServerNow } from '../../ui/clock.ts';
import { speakerName } from '../../ui/text.ts';
import { useRun } from './hooks.ts';

function Elapsed({ since, frozen }: { since: number; frozen: number | undefined }) {
  const now = useServerNow(1000);
  return <span className="countdown">{formatClock((frozen ?? now) - since)}</span>;
}

/** Who holds the floor, for how long; the speakers list; give, extend, cut off. */
export function FloorPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const staticView = useSession((s) => s.static);
  const { run, busy } = useRun();
  const may = useMay();
  const item = live.item;
  const agendaItem = item ? scenario.agenda[item.index] : undefined;
  if (!item || !hasFloor(agendaItem)) return null;
  const kind = agendaItem.kind;
  const floor = item.floor;
  // Each button as the authority answers (shared/meeting/may-send.ts), the same check the server makes.
  const refused = (command: Parameters<typeof may>[0]) => busy || may(command) !== null;
  const frozen = clocksStopAt(live);
  const name = (s: Parameters<typeof speakerName>[0]) => speakerName(s, live, staticView, i18n.language);
  const turns = live.record.turnsByItem[item.id] ?? 0;

  return (
    <section className="panel fac-floor" aria-labelledby="fac-floor-heading">
      <h2 id="fac-floor-heading">{t('facilitator.floor.heading')}</h2>
      <div className="fac-holder" aria-live="polite">
        {floor ? (
          <>
            <p className="fac-holder-name">
              <span className="hint">{t('facilitator.floor.speaking')}</span>
              <strong>{name(floor.speaker)}</strong>
              {floor.pointOfOrder && (
                <span className="badge warn">{t('facilitator.floor.pointOfOrder')}</span>
              )}
            </p>
            <p className="fac-holder-clock">
              {floor.deadline !== undefined ? (
                <Countdown
                  deadline={floor.deadline}
                  label={t('facilitator.floor.speakerClock')}
                  frozenAt={frozen}
                />
              ) : (
                <Elapsed since={floor.since} frozen={frozen} />
              )}
            </p>
          </>
        ) : (
          <p className="muted">{t('facilitator.floor.nobody', { turns })}</p>
        )}
      </div>
      <div className="button-row">
        {floor ? (
          <>
            <button
              type="button"
              disabled={refused({ type: 'floor.extend', seconds: 30 })}
              onClick={() => void run({ type: 'floor.extend', seconds: 30 })}
              data-testid="extend-floor"
            >
              {t('facilitator.floor.extend', { seconds: 30 })}
            </button>
            <button
              type="button"
              disabled={refused({ type: 'floor.extend', seconds: 60 })}
              onClick={() => void run({ type: 'floor.extend', seconds: 60 })}
              data-testid="extend-floor-60"
            >
              {t('facilitator.floor.extend', { seconds: 60 })}
            </button>
            <button
              type="button"
              className="danger"
              disabled={refused({ type: 'floor.cut' })}
              onClick={() => void run({ type: 'floor.cut' })}
              data-testid="cut-floor"
            >
              {t('facilitator.floor.cut')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={refused({ type: 'floor.give' })}
            onClick={() => void run({ type: 'floor.give' })}
            data-testid="give-floor"
          >
            {item.queue[0]
              ? t('facilitator.floor.giveNext', { name: name(item.queue[0].speaker) })
              : t('facilitator.floor.give')}
          </button>
        )}
      </div>
      <h3 className="fac-subhead">{t('facilitator.floor.queue', { count: item.queue.length })}</h3>
      {item.queue.length === 0 ? (
        <p className="hint">{t('facilitator.floor.queueEmpty')}</p>
      ) : (
        <ol className="fac-queue">
          {item.queue.slice(0, 10).map((entry) => (
            <li key={`${speakerKey(entry.speaker)}-${entry.raisedAt}-${entry.pointOfOrder}`}>
              <span className="fac-queue-name">
                {name(entry.speaker)}
                {entry.pointOfOrder && (
                  <span className="badge warn">{t('facilitator.floor.pointOfOrder')}</span>
                )}
              </span>
              <button
                type="button"
                className="small"
                disabled={refused({ type: 'floor.give', to: entry.speaker })}
                onClick={() => void run({ type: 'floor.give', to: entry.speaker })}
                aria-label={t('facilitator.floor.giveTo', { name: name(entry.speaker) })}
              >
                {t('facilitator.floor.giveShort')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {item.queue.length > 10 && (
        <p className="hint">{t('facilitator.floor.more', { count: item.queue.length - 10 })}</p>
      )}
      {kind === 'statement' && <p className="hint">{t('facilitator.floor.fixedList')}</p>}
    </section>
  );
}
