// Everything said in writing, NPC lines included, oldest first. It follows
// the newest line unless the expert has scrolled up to read something.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFollow } from './follow.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { ScrollBox } from './ScrollBox.tsx';
import { Section } from './Section.tsx';

export function Transcript({ scenario, live }: ObserverProps) {
  const { t } = useTranslation();
  const labels = useLabels(scenario, live);
  const statements = live.record.statements;
  const { ref, onScroll, unseen, jump } = useFollow(statements.length);
  return (
    <Section
      id="transcript"
      title={t('observer.transcript.title')}
      badge={<span className="badge neutral">{statements.length}</span>}
    >
      <div className="obs-scroll-wrap">
        <ScrollBox
          boxRef={ref}
          label={t('observer.transcript.title')}
          log
          className="obs-transcript"
          testId="transcript"
          onScroll={onScroll}
        >
          {statements.length === 0 ? (
            <p className="muted obs-empty">{t('observer.transcript.empty')}</p>
          ) : (
            <ol className="obs-lines">
              {statements.map((s, i) => {
                const newItem = s.item !== (statements[i - 1]?.item ?? undefined);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the record only grows at its end, so a position is a stable key
                  <Fragment key={`${s.at}-${i}`}>
                    {newItem && s.item && <li className="obs-line-item">{labels.item(s.item)}</li>}
                    <li className={`obs-line${s.speaker.kind === 'npc' ? ' npc' : ''}`}>
                      <span className="obs-line-meta">
                        <time dateTime={new Date(s.at).toISOString()}>{labels.time(s.at)}</time>
                        <strong>{labels.speaker(s.speaker)}</strong>
                        {s.speaker.kind === 'npc' && (
                          <span className="badge neutral">{t('observer.npcBadge')}</span>
                        )}
                      </span>
                      <span className="obs-line-text">{s.text}</span>
                    </li>
                  </Fragment>
                );
              })}
            </ol>
          )}
        </ScrollBox>
        {unseen > 0 && (
          <button type="button" className="small obs-jump" onClick={jump}>
            {t('observer.transcript.newLines', { count: unseen })}
          </button>
        )}
      </div>
    </Section>
  );
}
