// The cards this expert plays for a short-handed class: for each, what its
// holder would do from a phone — raise its hand, speak and yield once the
// chair gives it the floor, cast its ballot. Every action goes as card.play;
// the engine checks it exactly as if the card's own holder had sent it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ballotIsFinal } from '../../../shared/meeting/ballots.ts';
import type { Command, PlayedCommand } from '../../../shared/meeting/commands.ts';
import { MEETING_ERRORS } from '../../../shared/meeting/errors.ts';
import { hasFloor } from '../../../shared/meeting/floor.ts';
import type { LiveView, ParticipantView } from '../../../shared/views/types.ts';
import { useLive } from '../connection/live-slice.ts';
import { useRefusal } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { type Labels, useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';

/** The seats this expert plays now. */
export const playedBy = (live: Pick<LiveView, 'participants'>, myId: string): ParticipantView[] =>
  live.participants.filter((p) => myId !== '' && p.playedBy === myId && p.roleId !== null);

export function PlayedCards(props: ObserverProps) {
  const live = useLive('participants');
  const { t } = useTranslation();
  const seats = playedBy(live, props.myId);
  if (seats.length === 0) return null;
  return (
    <Section id="played" title={t('observer.played.title')} testId="played-cards" className="obs-played">
      <p className="hint">{t('observer.played.hint')}</p>
      {seats.map((seat) => (
        <PlayedCard key={seat.id} {...props} seat={seat} />
      ))}
    </Section>
  );
}

/** The authority's answer for a command this expert would play for `seat`. */
const useMayPlay = (seat: ParticipantView, command: PlayedCommand) =>
  useRefusal({ type: 'card.play', participantId: seat.id, command } satisfies Command) === null;

function PlayedCard({ scenario, seat }: ObserverProps & { seat: ParticipantView }) {
  const { t } = useTranslation();
  const live = useLive('item');
  const labels = useLabels(scenario);
  const send = useSession((s) => s.send);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const act = async (command: PlayedCommand) => {
    setBusy(true);
    try {
      return (await send({ type: 'card.play', participantId: seat.id, command })).ok;
    } finally {
      setBusy(false);
    }
  };
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  const floorItem = hasFloor(item);
  // What the card's holder could press now, as the server would answer (shared/meeting/may-send.ts).
  const mayRaise = useMayPlay(seat, { type: 'hand.raise' });
  const mayLower = useMayPlay(seat, { type: 'hand.lower' });
  const mayObject = useMayPlay(seat, { type: 'point_of_order' });
  const mayYield = useMayPlay(seat, { type: 'floor.yield' });
  const holds = live.item?.floor?.speaker.kind === 'participant' && live.item.floor.speaker.id === seat.id;
  const queued = live.item?.queue.some((e) => e.speaker.kind === 'participant' && e.speaker.id === seat.id);
  const speak = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && (await act({ type: 'statement.post', text: text.trim() }))) setText('');
  };
  return (
    <div className="obs-played-card" data-testid={`played-${seat.roleId}`}>
      <h3>{labels.role(seat.roleId)}</h3>
      <p className="muted" aria-live="polite">
        {holds
          ? t('observer.played.holds')
          : queued
            ? t('observer.played.queued')
            : floorItem
              ? t('observer.played.idle')
              : t('observer.played.noFloor')}
      </p>
      {floorItem && !holds && (
        <div className="obs-played-actions">
          {queued ? (
            <button
              type="button"
              className="small"
              disabled={busy || !mayLower}
              onClick={() => void act({ type: 'hand.lower' })}
            >
              {t('observer.played.lower')}
            </button>
          ) : (
            <button
              type="button"
              className="small primary"
              disabled={busy || !mayRaise}
              onClick={() => void act({ type: 'hand.raise' })}
              data-testid={`played-raise-${seat.roleId}`}
            >
              {t('observer.played.raise')}
            </button>
          )}
          <button
            type="button"
            className="small"
            disabled={busy || !mayObject}
            onClick={() => void act({ type: 'point_of_order' })}
          >
            {t('observer.played.pointOfOrder')}
          </button>
        </div>
      )}
      {holds && (
        <form className="obs-played-speak" onSubmit={(e) => void speak(e)}>
          <label className="obs-field">
            <span>{t('observer.played.say', { card: labels.role(seat.roleId) })}</span>
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={2000}
              rows={2}
              data-testid={`played-text-${seat.roleId}`}
            />
          </label>
          <div className="obs-played-actions">
            <button
              type="submit"
              className="small primary"
              disabled={busy || text.trim() === ''}
              data-testid={`played-say-${seat.roleId}`}
            >
              {t('observer.played.send')}
            </button>
            <button
              type="button"
              className="small"
              disabled={busy || !mayYield}
              onClick={() => void act({ type: 'floor.yield' })}
              data-testid={`played-yield-${seat.roleId}`}
            >
              {t('observer.played.yield')}
            </button>
          </div>
        </form>
      )}
      <PlayedBallot {...{ scenario, live, seat, labels, busy, act }} />
    </div>
  );
}

function PlayedBallot({
  scenario,
  live,
  seat,
  labels,
  busy,
  act,
}: Pick<ObserverProps, 'scenario'> & {
  live: Pick<LiveView, 'item'>;
  seat: ParticipantView;
  labels: Labels;
  busy: boolean;
  act: (command: PlayedCommand) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const ballot = live.item?.ballot;
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  // Whether this seat may vote at all: the authority's answer to a first option (or an empty election ballot).
  const firstChoice = item?.kind === 'vote' ? (item.options[0] ?? 'yes') : 'yes';
  const cast: PlayedCommand =
    item?.kind === 'election'
      ? { type: 'election.cast', choices: [] }
      : { type: 'vote.cast', choice: firstChoice };
  const refusal = useRefusal({ type: 'card.play', participantId: seat.id, command: cast });
  if (!ballot?.open || (item?.kind !== 'vote' && item?.kind !== 'election')) return null;
  if (refusal === MEETING_ERRORS.notEligible)
    return <p className="muted">{t('observer.played.notEligible')}</p>;
  const final = ballotIsFinal(item, (ballot.votes?.[seat.id] ?? ballot.choices?.[seat.id]) !== undefined);
  if (item.kind === 'vote') {
    const mine = ballot.votes?.[seat.id];
    return (
      <fieldset className="obs-played-ballot">
        <legend>{t('observer.played.vote')}</legend>
        {mine && <p className="muted">{t('observer.played.cast', { choice: t(`choice.${mine}`) })}</p>}
        <div className="obs-played-actions">
          {item.options.map((choice) => (
            <button
              key={choice}
              type="button"
              className="small"
              aria-pressed={mine === choice}
              disabled={busy || final}
              onClick={() => void act({ type: 'vote.cast', choice })}
              data-testid={`played-vote-${seat.roleId}-${choice}`}
            >
              {t(`choice.${choice}`)}
            </button>
          ))}
        </div>
      </fieldset>
    );
  }
  const mine = ballot.choices?.[seat.id];
  const toggle = (id: string) =>
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  return (
    <fieldset className="obs-played-ballot">
      <legend>{t('observer.played.elect', { max: item.maxChoices })}</legend>
      {mine && (
        <p className="muted">
          {t('observer.played.chosen', {
            names: mine.map(labels.candidateShort).join(t('observer.listSeparator')) || '—',
          })}
        </p>
      )}
      {ballot.candidates.map((id) => (
        <label key={id} className="obs-played-choice">
          <input
            type="checkbox"
            checked={picked.includes(id)}
            disabled={busy || (!picked.includes(id) && picked.length >= item.maxChoices)}
            onChange={() => toggle(id)}
          />{' '}
          {labels.candidateShort(id)}
        </label>
      ))}
      <button
        type="button"
        className="small primary"
        disabled={busy || final}
        onClick={() => void act({ type: 'election.cast', choices: picked })}
        data-testid={`played-elect-${seat.roleId}`}
      >
        {t('observer.played.castElection')}
      </button>
    </fieldset>
  );
}
