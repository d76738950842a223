// The experts' own channel: trainees never see it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../connection/live-slice.ts';
import { useSession } from '../connection/session-store.ts';
import { newId } from '../ui/new-id.ts';
import { useFollow } from './follow.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { ScrollBox } from './ScrollBox.tsx';
import { Section } from './Section.tsx';

export function Backchannel({ scenario, myId }: ObserverProps) {
  const live = useLive('coaching');
  const { t } = useTranslation();
  const labels = useLabels(scenario);
  const send = useSession((s) => s.send);
  const [text, setText] = useState('');
  const messages = live.coaching?.backchannel ?? [];
  const { ref, onScroll, unseen, jump } = useFollow(messages.length);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return;
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
        <button type="submit" className="small" data-testid="backchannel-send" disabled={!text.trim()}>
          {t('observer.backchannel.send')}
        </button>
      </form>
    </Section>
  );
}
