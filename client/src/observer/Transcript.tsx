// Everything said in writing, NPC lines included, oldest first. It follows
// the newest line unless the expert has scrolled up to read something; the
// live view carries the recent lines, and older ones load on request.

import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSelect } from '../connection/live-slice.ts';
import { useFollow } from './follow.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { useStatements } from './record-list.ts';
import { ScrollBox } from './ScrollBox.tsx';
import { Section } from './Section.tsx';

export function Transcript({ scenario }: ObserverProps) {
  const live = useLiveSelect((l) => ({ attempt: l.attempt, record: l.record }));
  const { t } = useTranslation();
  const labels = useLabels(scenario);
  const { statements, earlier, loading, loadEarlier } = useStatements(live);
  const { ref, onScroll, unseen, jump } = useFollow(live.record.statementCount);
  return (
    <Section
      id="transcript"
      title={t('observer.transcript.title')}
      badge={<span className="badge neutral">{live.record.statementCount}</span>}
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
          {earlier > 0 && (
            <button
              type="button"
              className="small obs-earlier"
              onClick={loadEarlier}
              disabled={loading}
              data-testid="transcript-earlier"
            >
              {loading
                ? t('observer.transcript.loading')
                : t('observer.transcript.earlier', { count: earlier })}
            </button>
          )}
          {statements.length === 0 ? (
            <p className="muted obs-empty">{t('observer.transcript.empty')}</p>
          ) : (
            <ol className="obs-lines">
              {statements.map((s, i) => {
                const newItem = s.item !== (statements[i - 1]?.item ?? undefined);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a statement's index in the attempt never changes, so it stays a stable key as older lines load above
                  <Fragment key={earlier + i}>
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
