import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { speakerKey } from '../../../shared/meeting/context.ts';
import { hasFloor } from '../../../shared/meeting/floor.ts';
import { Countdown } from '../ui/Countdown.tsx';
import { clocksStopAt, formatClock, useServerNow } from '../ui/clock.ts';
import { isMe, queuePlace, useTrainee } from './context.ts';
import { useFormat } from './format.ts';
import { useSpeakerName } from './names.ts';

/** Who holds the floor and for how long, the speakers list in calling order, and what was said. */
export function FloorPanel() {
  const { t } = useTranslation();
  const { live, me, may, send } = useTrainee();
  const name = useSpeakerName();
  const state = live.item;
  if (!state) return null;
  const floor = state.floor;
  const mine = isMe(floor?.speaker, me);
  const place = queuePlace(state.queue, me);
  return (
    <section className="panel floor-panel" aria-labelledby="floor-heading">
      <h3 id="floor-heading">{t('trainee.floor.heading')}</h3>
      <div
        className={`tr-floor-holder${mine ? ' mine' : ''}${floor ? '' : ' empty'}`}
        data-testid="floor-holder"
      >
        {floor ? (
          <>
            <p className="tr-floor-label">
              {mine ? t('trainee.floor.you') : t('trainee.floor.speaking')}
              {floor.pointOfOrder && <span className="badge warn">{t('trainee.floor.pointOfOrder')}</span>}
            </p>
            {!mine && <p className="tr-floor-name">{name(floor.speaker)}</p>}
            <p className="tr-floor-clock">
              {floor.deadline !== undefined ? (
                <Countdown
                  deadline={floor.deadline}
                  label={t('trainee.floor.clock')}
                  frozenAt={clocksStopAt(live)}
                />
              ) : (
                <Elapsed since={floor.since} />
              )}
              {floor.deadline !== undefined && floor.timeUpAt !== undefined && (
                <span className="badge">{t('trainee.floor.overtime')}</span>
              )}
            </p>
          </>
        ) : (
          <p className="tr-floor-label">{t('trainee.floor.nobody')}</p>
        )}
      </div>
      {mine && <Composer />}
      <h4 className="tr-queue-heading">{t('trainee.floor.queue', { count: state.queue.length })}</h4>
      <ol className="tr-queue" data-testid="queue">
        {state.queue.map((entry, i) => {
          const self = isMe(entry.speaker, me);
          return (
            <li
              key={`${speakerKey(entry.speaker)}-${entry.pointOfOrder}`}
              className={self ? 'tr-me' : undefined}
            >
              <span className="tr-queue-place" aria-hidden="true">
                {i + 1}
              </span>
              <span className="tr-queue-name">
                {name(entry.speaker)}
                {self && <strong> {t('trainee.floor.youMark')}</strong>}
              </span>
              {entry.pointOfOrder && <span className="badge warn">{t('trainee.floor.pointOfOrder')}</span>}
              {may({ type: 'floor.give', to: entry.speaker }) === null && (
                <button
                  type="button"
                  className="small"
                  onClick={() => void send({ type: 'floor.give', to: entry.speaker })}
                >
                  {t('trainee.chair.call')}
                  <span className="visually-hidden">{name(entry.speaker)}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {state.queue.length === 0 && <p className="hint">{t('trainee.floor.queueEmpty')}</p>}
      {place > 0 && (
        <p className="tr-my-place" data-testid="my-queue-position">
          {place === 1 ? t('trainee.floor.placeFirst') : t('trainee.floor.place', { place })}
        </p>
      )}
      <Transcript />
    </section>
  );
}

function Elapsed({ since }: { since: number }) {
  const { t } = useTranslation();
  const { live } = useTrainee();
  const now = useServerNow(1000);
  const ms = (clocksStopAt(live) ?? now) - since;
  return (
    <span
      className="countdown"
      role="timer"
      aria-label={t('trainee.floor.elapsed', { time: formatClock(ms) })}
    >
      {formatClock(ms)}
    </span>
  );
}

/** What I say, typed: for remote trainees and for the record. */
function Composer() {
  const { t } = useTranslation();
  const { send } = useTrainee();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const ack = await send({ type: 'statement.post', text: text.trim() });
    setBusy(false);
    if (ack.ok) setText('');
  };
  return (
    <form className="tr-composer stack" onSubmit={submit}>
      <label htmlFor={id}>
        <span>{t('trainee.floor.statement')}</span>
      </label>
      <textarea
        id={id}
        data-testid="statement-input"
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('trainee.floor.statementHint')}
      />
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          data-testid="statement-submit"
          disabled={busy || !text.trim()}
        >
          {t('trainee.floor.post')}
        </button>
        <button type="button" data-testid="yield-floor" onClick={() => void send({ type: 'floor.yield' })}>
          {t('trainee.floor.yield')}
        </button>
      </div>
    </form>
  );
}

/** The last few statements in this item, newest last. */
function Transcript() {
  const { t } = useTranslation();
  const { live } = useTrainee();
  const f = useFormat();
  const name = useSpeakerName();
  const said = live.record.statements.filter((s) => s.item === live.item?.id).slice(-5);
  if (said.length === 0) return null;
  return (
    <details className="tr-transcript" open>
      <summary>{t('trainee.floor.transcript')}</summary>
      <ul className="list-plain">
        {said.map((s) => (
          <li key={`${s.at}-${s.text.slice(0, 8)}`}>
            <span className="muted">
              {f.time(s.at)} · {name(s.speaker)}
            </span>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** My own hand: raise, lower, point of order — each offered as the authority answers, with its reason when not. */
export function SpeakControls() {
  const { t } = useTranslation();
  const { live, me, item, may, send } = useTrainee();
  const reasonId = useId();
  const state = live.item;
  const entries = (state?.queue ?? []).filter((e) => isMe(e.speaker, me));
  const queued = entries.some((e) => !e.pointOfOrder);
  const pooWaiting = entries.some((e) => e.pointOfOrder);
  const holding = isMe(state?.floor?.speaker, me);
  const raise = may({ type: 'hand.raise' });
  const lower = may({ type: 'hand.lower' });
  const pointOfOrder = may({ type: 'point_of_order' });
  const fixedList = raise?.code === 'floor/not_listed';
  const note = !hasFloor(item)
    ? t('trainee.hand.noFloor')
    : holding
      ? t('trainee.hand.holding')
      : fixedList
        ? queued
          ? t('trainee.hand.listed')
          : t('trainee.hand.fixedList')
        : raise && !queued && raise.code !== 'floor/already_queued'
          ? t(`errors.${raise.code}`, { defaultValue: raise.message })
          : t('trainee.hand.pooHint');
  return (
    <section className="panel tr-speak-controls" aria-labelledby="speak-heading">
      <h3 id="speak-heading">{t('trainee.hand.heading')}</h3>
      <div className="button-row">
        {queued && fixedList ? null : queued ? (
          <button
            type="button"
            className="tr-big"
            data-testid="lower-hand"
            disabled={lower !== null}
            onClick={() => void send({ type: 'hand.lower' })}
          >
            {t('trainee.hand.lower')}
          </button>
        ) : (
          <button
            type="button"
            className="primary tr-big"
            data-testid="raise-hand"
            disabled={raise !== null}
            aria-describedby={reasonId}
            onClick={() => void send({ type: 'hand.raise' })}
          >
            {t('trainee.hand.raise')}
          </button>
        )}
        <button
          type="button"
          className="tr-big"
          data-testid="point-of-order"
          disabled={pointOfOrder !== null}
          aria-describedby={reasonId}
          onClick={() => void send({ type: 'point_of_order' })}
        >
          {pooWaiting ? t('trainee.hand.pooWaiting') : t('trainee.hand.pointOfOrder')}
        </button>
      </div>
      <p id={reasonId} className="hint">
        {note}
      </p>
    </section>
  );
}
