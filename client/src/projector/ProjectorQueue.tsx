import { useTranslation } from 'react-i18next';
import { speakerKey } from '../../../shared/meeting/context.ts';
import { takesHands } from '../../../shared/meeting/floor.ts';
import type { PublicItem } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSpeaker } from './speaker.ts';

/** The next five on the speakers list, points of order marked. */
export function ProjectorQueue({ live, item }: { live: LiveView; item: PublicItem }) {
  const { t } = useTranslation();
  const speaker = useSpeaker();
  const queue = live.item?.queue ?? [];
  return (
    <div className="pj-queue" data-testid="projector-queue">
      <h2>{t('projector.queue', { count: queue.length })}</h2>
      {queue.length === 0 ? (
        // Hands are asked for only where the item takes them; a fixed list simply runs out.
        <p className="muted-on-dark">{t(takesHands(item) ? 'projector.queueEmpty' : 'projector.listDone')}</p>
      ) : (
        <ol>
          {queue.slice(0, 5).map((entry) => {
            const s = speaker(entry.speaker);
            return (
              <li key={`${speakerKey(entry.speaker)}-${entry.raisedAt}-${entry.pointOfOrder}`}>
                {entry.pointOfOrder && <span className="pj-q-poo">{t('projector.pointOfOrder')}</span>}
                <span className="pj-q-name">{s.name}</span>
                {s.card && <span className="pj-q-card">{s.card}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {queue.length > 5 && (
        <p className="muted-on-dark">{t('projector.moreWaiting', { count: queue.length - 5 })}</p>
      )}
    </div>
  );
}
