// The cards this expert plays for a short-handed class: for each, what its
// holder would do from a phone — raise its hand, speak and yield once the
// chair gives it the floor, cast its ballot. Every action goes as card.play;
// the engine checks it exactly as if the card's own holder had sent it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayedCommand } from '../../../shared/meeting/commands.ts';
import type { ParticipantView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';
import { type Labels, useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';

/** The seats this expert plays now. */
export const playedBy = (live: ObserverProps['live'], myId: string): ParticipantView[] =>
  live.participants.filter((p) => myId !== '' && p.playedBy === myId && p.roleId !== null);

export function PlayedCards(props: ObserverProps) {
  const { live, myId } = props;
  const { t } = useTranslation();
  const seats = playedBy(live, myId);
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

function PlayedCard({ scenario, live, seat }: ObserverProps & { seat: ParticipantView }) {
  const { t } = useTranslation();
  const labels = useLabels(scenario, live);
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
  const floorItem = item !== undefined && ['statement', 'speakers', 'open_floor', 'qa'].includes(item.kind);
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
              disabled={busy}
              onClick={() => void act({ type: 'hand.lower' })}
            >
              {t('observer.played.lower')}
            </button>
          ) : (
            <button
              type="button"
              className="small primary"
              disabled={busy}
              onClick={() => void act({ type: 'hand.raise' })}
              data-testid={`played-raise-${seat.roleId}`}
            >
              {t('observer.played.raise')}
            </button>
          )}
          <button
            type="button"
            className="small"
            disabled={busy}
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
              disabled={busy}
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
}: Pick<ObserverProps, 'scenario' | 'live'> & {
  seat: ParticipantView;
  labels: Labels;
  busy: boolean;
  act: (command: PlayedCommand) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const ballot = live.item?.ballot;
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  if (!ballot?.open || (item?.kind !== 'vote' && item?.kind !== 'election')) return null;
  if (!ballot.voters.includes(seat.id)) return <p className="muted">{t('observer.played.notEligible')}</p>;
  const secret = item.ballot === 'secret';
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
              disabled={busy || (secret && mine !== undefined)}
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
        disabled={busy || (secret && mine !== undefined)}
        onClick={() => void act({ type: 'election.cast', choices: picked })}
        data-testid={`played-elect-${seat.roleId}`}
      >
        {t('observer.played.castElection')}
      </button>
    </fieldset>
  );
}
