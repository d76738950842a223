// One composer for the three ways experts coach: whisper a tip to one trainee,
// broadcast a hint to all, or speak in the meeting as an NPC card — or as a
// card this expert plays, once the chair has given that card the floor.
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSelect } from '../connection/live-slice.ts';
import { useRefusal, useRefusals } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { newId } from '../ui/new-id.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { playedBy } from './PlayedCards.tsx';
import { Section } from './Section.tsx';
import { SentTips } from './SentTips.tsx';

type Mode = 'whisper' | 'broadcast' | 'npc';
const MODES: Mode[] = ['whisper', 'broadcast', 'npc'];

// What the authority is asked about a tip: the text does not change its answer.
const whisper = (to: string) => ({ type: 'tip.whisper', tipId: '', to, text: '…' }) as const;
const BROADCAST = { type: 'tip.broadcast', tipId: '', text: '…' } as const;

export function Composer(props: ObserverProps) {
  const { scenario, myId } = props;
  const live = useLiveSelect((l) => ({
    participants: l.participants,
    coaching: l.coaching,
    attempt: l.attempt,
  }));
  const { t } = useTranslation();
  const labels = useLabels(scenario);
  const send = useSession((s) => s.send);
  const [mode, setMode] = useState<Mode>('whisper');
  const [trainee, setTrainee] = useState('');
  const npcs = scenario.roles.filter((r) => r.npc);
  const [npc, setNpc] = useState(npcs[0]?.id ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  // Tips go to whom the authority lets them (trainees, not the cards experts play); "speak as" lists
  // the NPC cards and, by seat, the cards this expert plays.
  const whisperTo = useRefusals(live.participants.map((p) => whisper(p.id)));
  const trainees = live.participants.filter((_, i) => whisperTo[i] === null);
  // The one chosen stays listed when the answer changes, so the reason shows below.
  const choices = live.participants.filter((p, i) => whisperTo[i] === null || p.id === trainee);
  const mine = playedBy(live, myId);
  const played = mine.find((p) => `seat:${p.id}` === npc);
  // Speaking as a card: the authority's answer (an NPC line while the meeting runs; a played card's
  // statement only while it holds the floor), so the button is enabled exactly when the server would accept.
  const speakRefused = useRefusal(
    played
      ? { type: 'card.play', participantId: played.id, command: { type: 'statement.post', text: '…' } }
      : { type: 'npc.say', roleId: npc, text: '…' },
  );
  const tipRefused = useRefusal(mode === 'broadcast' ? BROADCAST : whisper(trainee));
  const target = mode === 'whisper' ? trainee : mode === 'npc' ? npc : 'all';
  const refused = mode === 'npc' ? speakRefused : tipRefused;
  const ready = text.trim() !== '' && target !== '' && !busy && refused === null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!ready) return;
    setBusy(true);
    const body = text.trim();
    const ack = await send(
      mode === 'whisper'
        ? { type: 'tip.whisper', tipId: newId(), to: trainee, text: body }
        : mode === 'broadcast'
          ? { type: 'tip.broadcast', tipId: newId(), text: body }
          : played
            ? { type: 'card.play', participantId: played.id, command: { type: 'statement.post', text: body } }
            : { type: 'npc.say', roleId: npc, text: body },
    );
    setBusy(false);
    if (ack.ok) {
      setText('');
      setDone(
        mode === 'whisper'
          ? t('observer.composer.sentTo', { name: labels.participant(trainee) })
          : mode === 'broadcast'
            ? t('observer.composer.sentAll')
            : t('observer.composer.said', { name: played ? labels.role(played.roleId) : labels.role(npc) }),
      );
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
  };

  return (
    <Section id="composer" title={t('observer.composer.title')}>
      <form className="obs-composer" onSubmit={submit}>
        <fieldset className="obs-modes">
          <legend className="visually-hidden">{t('observer.composer.mode')}</legend>
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              className="small"
              aria-pressed={mode === m}
              data-testid={`composer-mode-${m}`}
              onClick={() => setMode(m)}
            >
              {t(`observer.composer.modes.${m}`)}
            </button>
          ))}
        </fieldset>
        <p className="hint obs-mode-hint">{t(`observer.composer.hints.${mode}`)}</p>
        {mode === 'broadcast' ? (
          <p className="obs-target-all">{t('observer.composer.toAll', { count: trainees.length })}</p>
        ) : (
          <label className="obs-field">
            <span>
              {mode === 'whisper' ? t('observer.composer.toTrainee') : t('observer.composer.asRole')}
            </span>
            <select
              data-testid="composer-target"
              value={target}
              onChange={(e) => (mode === 'whisper' ? setTrainee(e.target.value) : setNpc(e.target.value))}
            >
              {mode === 'whisper' && <option value="">{t('observer.composer.pick')}</option>}
              {mode === 'whisper'
                ? choices.map((p) => (
                    <option key={p.id} value={p.id}>
                      {labels.participant(p.id)}
                      {p.online ? '' : ` · ${t('observer.offline')}`}
                    </option>
                  ))
                : [
                    ...npcs.map((r) => (
                      <option key={r.id} value={r.id}>
                        {labels.role(r.id)}
                      </option>
                    )),
                    ...mine.map((p) => (
                      <option key={p.id} value={`seat:${p.id}`}>
                        {t('observer.played.option', { card: labels.role(p.roleId) })}
                      </option>
                    )),
                  ]}
            </select>
          </label>
        )}
        {played && speakRefused !== null && <p className="hint">{t('observer.played.needsFloor')}</p>}
        {mode !== 'npc' && target !== '' && tipRefused !== null && (
          <p className="hint" data-testid="composer-refused">
            {t(`errors.${tipRefused}`)}
          </p>
        )}
        <label className="obs-field">
          <span>{t('observer.composer.text')}</span>
          <textarea
            data-testid="composer-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            maxLength={mode === 'npc' ? 2000 : 1000}
            rows={3}
            aria-describedby="obs-composer-keys"
          />
        </label>
        <div className="obs-composer-foot">
          <span id="obs-composer-keys" className="hint">
            {t('observer.composer.keys')}
          </span>
          <button type="submit" className="primary small" data-testid="composer-send" disabled={!ready}>
            {t(`observer.composer.send.${mode}`)}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {done}
        </p>
      </form>
      <SentTips {...props} live={live} labels={labels} recipients={trainees.length} />
    </Section>
  );
}
