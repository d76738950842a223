// The current item's guidance for the experts: what to watch for, and when to step in.
import { useTranslation } from 'react-i18next';
import { useLiveSelect } from '../connection/live-slice.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { localize } from '../ui/text.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';

export function Guidance({ scenario }: ObserverProps) {
  const { phase, index: current } = useLiveSelect((l) => ({ phase: l.phase, index: l.item?.index }));
  const { t, i18n } = useTranslation();
  const loc = (text: Parameters<typeof localize>[0]) => localize(text, i18n.language);
  const before = phase === 'lobby' || phase === 'briefing';
  const index = current ?? (before ? 0 : -1);
  const item = scenario.agenda[index];
  const next = current !== undefined ? scenario.agenda[current + 1] : undefined;
  return (
    <Section id="guidance" title={t('observer.guidance.title')} className="obs-guidance-section">
      <div className="obs-guidance" data-testid="guidance">
        {item ? (
          <>
            <p className="obs-guidance-item">
              {before ? t('observer.guidance.first') : t('observer.guidance.current')}{' '}
              <strong>
                {index + 1}. {loc(item.title)}
              </strong>
            </p>
            {item.guidance ? (
              <Markdown text={loc(item.guidance)} />
            ) : (
              <p className="muted">{t('observer.guidance.none')}</p>
            )}
          </>
        ) : (
          <p className="muted">{t('observer.guidance.over')}</p>
        )}
      </div>
      {next && (
        <p className="hint obs-next">
          {t('observer.guidance.next', { title: `${(current ?? 0) + 2}. ${loc(next.title)}` })}
        </p>
      )}
    </Section>
  );
}
