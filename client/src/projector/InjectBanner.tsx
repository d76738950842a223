import { useTranslation } from 'react-i18next';
import type { LiveView, ReceivedInject } from '../../../shared/views/types.ts';
import { useServerNow } from '../ui/clock.ts';
import { useLocalize } from '../ui/text.ts';

/** How long a new inject stays in full on the screen before it shrinks to its title. */
const FULL_MS = 5 * 60_000;

/** The latest public inject, as news breaking into the room. */
export function InjectBanner({ live }: { live: LiveView }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const now = useServerNow(5000);
  const injects = (live.injects as ReceivedInject[]).filter((i) => i.firedAt > 0);
  const latest = [...injects].sort((a, b) => b.firedAt - a.firedAt)[0];
  if (!latest || live.phase === 'lobby' || live.phase === 'closed' || live.phase === 'debrief') return null;
  // News of the item in which it broke: the next item starts with a clean screen.
  if (live.item && latest.firedAt < live.item.startedAt) return null;
  const full = now - latest.firedAt < FULL_MS;
  return (
    <section
      className={`pj-inject${full ? '' : ' compact'}`}
      data-testid="projector-inject"
      aria-live="assertive"
      aria-label={t('projector.inject')}
    >
      <p className="pj-inject-title">
        <span className="pj-inject-tag">{t('projector.inject')}</span> {L(latest.title)}
      </p>
      {full && <p className="pj-inject-body">{L(latest.body)}</p>}
    </section>
  );
}
