// The experts' own channel: trainees never see it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../connection/live-slice.ts';
import { useRefusal } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { newId } from '../ui/new-id.ts';
import { useFollow } from './follow.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { ScrollBox } from './ScrollBox.tsx';
import { Section } from './Section.tsx';

/** What the authority is asked: the text does not change its answer. */
const SAY = { type: 'backchannel.say', messageId: '', text: '…' } as const;

export function Backchannel({ scenario, myId }: ObserverProps) {
  const live = useLive('coaching');
  const { t } = useTranslation();
  const labels = useLabels(scenario);
  const send = useSession((s) => s.send);
  const [text, setText] = useState('');
  // The authority's answer (shared/coaching/may-coach.ts): the backchannel is the coaches'.
  const refused = useRefusal(SAY);
  const messages = live.coaching?.backchannel ?? [];
  const { ref, onScroll, unseen, jump } = useFollow(messages.length);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body || refused) return;
    const ack = await send({ type: 'backchannel.say', messageId: newId(), text: body });
    if (ack.ok) setText('');
  };
  return (
    <Section id="backchannel" title={t('observer.backchannel.title')}>
      <p className="hint obs-mode-hint">{t('observer.backchannel.hint')}</p>
      <div className="obs-scroll-wrap">
        <ScrollBox
          boxRef={ref}
          onScroll={onScroll}
          label={t('observer.backchannel.title')}
          log
          className="obs-chat"
        >
          {messages.length === 0 ? (
            <p className="muted obs-empty">{t('observer.backchannel.none')}</p>
          ) : (
            <ol className="obs-lines">
              {messages.map((m) => (
                <li key={m.id} className={`obs-line${m.observerId === myId ? ' mine' : ''}`}>
                  <span className="obs-line-meta">
                    <time dateTime={new Date(m.at).toISOString()}>{labels.time(m.at)}</time>
                    <strong>
                      {m.observerId === myId ? t('observer.tips.byMe') : labels.observer(m.observerId)}
                    </strong>
                  </span>
                  <span className="obs-line-text">{m.text}</span>
                </li>
              ))}
            </ol>
          )}
        </ScrollBox>
        {unseen > 0 && (
          <button type="button" className="small obs-jump" onClick={jump}>
            {t('observer.transcript.newLines', { count: unseen })}
          </button>
        )}
      </div>
      <form className="obs-chat-form" onSubmit={submit}>
        <label className="obs-field">
          <span className="visually-hidden">{t('observer.backchannel.input')}</span>
          <input
            data-testid="backchannel-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={1000}
            placeholder={t('observer.backchannel.placeholder')}
          />
        </label>
        <button
          type="submit"
          className="small"
          data-testid="backchannel-send"
          disabled={!text.trim() || refused !== null}
        >
          {t('observer.backchannel.send')}
        </button>
      </form>
      {refused && (
        <p className="hint" data-testid="backchannel-refused">
          {t(`errors.${refused}`)}
        </p>
      )}
    </Section>
  );
}
