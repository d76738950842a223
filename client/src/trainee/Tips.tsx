import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_ERRORS } from '../../../shared/coaching/errors.ts';
import type { TipView } from '../../../shared/views/types.ts';
import { useTrainee } from './context.ts';
import { useFormat } from './format.ts';

// Tips marked read in this page's life, so a re-render does not send tip.read twice.
const readSent = new Set<string>();

/** One tip: private, quiet, never saying who sent it; "收到" acknowledges it. */
export function TipCard({ tip }: { tip: TipView }) {
  const { t } = useTranslation();
  const { send, may } = useTrainee();
  const f = useFormat();
  // The authority's answers (shared/coaching/may-coach.ts), on this trainee's own tips.
  const mayRead = may({ type: 'tip.read', tipId: tip.id }) === null;
  const ack = may({ type: 'tip.ack', tipId: tip.id });
  // Read means seen: on a locked phone or a background tab, wait until the page is visible.
  // Reading twice changes nothing on the server; the page sends it once.
  useEffect(() => {
    if (!mayRead || tip.readAt !== undefined || readSent.has(tip.id)) return;
    const markRead = () => {
      if (document.visibilityState !== 'visible' || readSent.has(tip.id)) return;
      readSent.add(tip.id);
      void send({ type: 'tip.read', tipId: tip.id });
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [tip.id, tip.readAt, mayRead, send]);
  const acked = ack?.code === COACHING_ERRORS.alreadyAcked;
  return (
    <article
      className={`tr-tip${tip.broadcast ? ' tr-broadcast' : ''}${acked ? ' tr-acked' : ''}`}
      data-testid={`tip-${tip.id}`}
    >
      <p className="tr-tip-label">
        {tip.broadcast ? t('trainee.tips.broadcast') : t('trainee.tips.private')}
        <span className="muted"> · {f.time(tip.sentAt)}</span>
      </p>
      <p className="tr-tip-text">{tip.text}</p>
      {ack !== null ? (
        <p className="hint" data-testid={`tip-acked-${tip.id}`}>
          {acked ? t('trainee.tips.acked') : t(`errors.${ack.code}`, { defaultValue: ack.message })}
        </p>
      ) : (
        <button
          type="button"
          className="small"
          data-testid={`tip-ack-${tip.id}`}
          onClick={() => void send({ type: 'tip.ack', tipId: tip.id })}
        >
          {t('trainee.tips.ack')}
        </button>
      )}
    </article>
  );
}

/** Every tip received, newest first. */
export function TipsTab() {
  const { t } = useTranslation();
  const { me } = useTrainee();
  const tips = [...me.tips].reverse();
  return (
    <div className="tr-view">
      <section className="panel" aria-labelledby="tips-heading">
        <h3 id="tips-heading">{t('trainee.tips.heading')}</h3>
        <p className="hint">{t('trainee.tips.explain')}</p>
        {tips.length === 0 ? (
          <p>{t('trainee.tips.none')}</p>
        ) : (
          <div className="tr-tips-list">
            {tips.map((tip) => (
              <TipCard key={tip.id} tip={tip} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
