import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedInject } from '../../../shared/views/types.ts';
import { useLocalize } from '../ui/text.ts';
import { type Tab, useTrainee } from './context.ts';
import { TipCard } from './Tips.tsx';

/**
 * What just arrived, docked above the tab bar wherever I have scrolled: the
 * newest tips to acknowledge (three at most), and an inject to look at. Not a modal — the
 * meeting stays usable underneath.
 */
export function Dock({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, me, show } = useTrainee();
  const injects = live.injects as ReceivedInject[];
  // Injects already there when the page opened are not news.
  const [seen, setSeen] = useState(() => new Set(injects.map((i) => i.id)));
  const pending = me.tips.filter((tip) => tip.ackAt === undefined);
  // Newest first; on the Tips tab the list itself shows them.
  const shown = tab === 'tips' ? [] : pending.slice(-3).reverse();
  const fresh = injects.filter((i) => !seen.has(i.id)).at(-1);
  const freshId = fresh?.id;

  // An inject whose card is already in sight needs no reminder.
  useEffect(() => {
    if (!freshId || tab !== 'meeting' || !('IntersectionObserver' in window)) return;
    const card = document.querySelector(`[data-testid="inject-${freshId}"]`);
    if (!card) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen((before) => new Set([...before, freshId]));
      },
      { threshold: 0.5 },
    );
    observer.observe(card);
    return () => observer.disconnect();
  }, [freshId, tab]);

  if (shown.length === 0 && !fresh) return null;

  const look = (inject: ReceivedInject) => {
    setSeen((before) => new Set([...before, inject.id]));
    show('meeting');
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLDetailsElement>(`[data-testid="inject-${inject.id}"]`);
      if (!card) return;
      card.open = true;
      card.scrollIntoView({ block: 'start', behavior: 'smooth' });
      card.querySelector('summary')?.focus();
    });
  };

  return (
    <aside className="tr-dock" aria-label={t('trainee.dock.label')}>
      {fresh && (
        <div className="tr-dock-inject">
          <p>
            <span className="tr-inject-label">{t('trainee.inject.label')}</span> {L(fresh.title)}
          </p>
          <button type="button" className="small" onClick={() => look(fresh)}>
            {t('trainee.dock.look')}
          </button>
        </div>
      )}
      {shown.map((tip) => (
        <TipCard key={tip.id} tip={tip} />
      ))}
      {shown.length > 0 && pending.length > shown.length && (
        <button type="button" className="small tr-dock-more" onClick={() => show('tips')}>
          {t('trainee.dock.more', { count: pending.length - shown.length })}
        </button>
      )}
    </aside>
  );
}
