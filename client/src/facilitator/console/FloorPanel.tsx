import { useTranslation } from 'react-i18next';
import { speakerKey } from '../../../../shared/meeting/context.ts';
import { mayCall } from '../../../../shared/meeting/floor.ts';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { useSession } from '../../connection/session-store.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { formatClock, useServerNow } from '../../ui/clock.ts';
import { speakerName } from '../../ui/text.ts';
import { frozenAt, useRun } from './hooks.ts';

const FLOOR_KINDS: string[] = ['statement', 'speakers', 'open_floor', 'qa'];

function Elapsed({ since, frozen }: { since: number; frozen: number | undefined }) {
  const now = useServerNow(1000);
  return <span className="countdown">{formatClock((frozen ?? now) - since)}</span>;
}

/** Who holds the floor, for how long; the speakers list; give, extend, cut off. */
export function FloorPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const staticView = useSession((s) => s.static);
  const { run, busy } = useRun();
  const item = live.item;
  const agendaItem = item ? scenario.agenda[item.index] : undefined;
  const kind = agendaItem?.kind;
  if (!item || !agendaItem || !kind || !FLOOR_KINDS.includes(kind)) return null;
  const facts = { roles: scenario.roles, participants: live.participants, queue: item.queue };
  const floor = item.floor;
  const running = live.phase === 'running';
  const frozen = frozenAt(live);
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
              disabled={busy || !running}
              onClick={() => void run({ type: 'floor.extend', seconds: 30 })}
              data-testid="extend-floor"
            >
              {t('facilitator.floor.extend', { seconds: 30 })}
            </button>
            <button
              type="button"
              disabled={busy || !running}
              onClick={() => void run({ type: 'floor.extend', seconds: 60 })}
              data-testid="extend-floor-60"
            >
              {t('facilitator.floor.extend', { seconds: 60 })}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy || !running}
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
            disabled={busy || !running || item.queue.length === 0}
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
                disabled={busy || !running || floor !== null || !mayCall(agendaItem, facts, entry.speaker)}
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
