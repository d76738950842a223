// Tips sent in this attempt, by every expert, with how far each has got:
// delivered to the trainee's screen, read, acknowledged.
import { useTranslation } from 'react-i18next';
import type { Tip } from '../../../shared/coaching/state.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import type { Labels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { ScrollBox } from './ScrollBox.tsx';

function Receipt({ tip, total }: { tip: Tip; total: number }) {
  const { t } = useTranslation();
  const receipts = Object.values(tip.receipts);
  if (tip.to === 'all') {
    const count = (key: 'deliveredAt' | 'readAt' | 'ackAt') =>
      receipts.filter((r) => r[key] !== undefined).length;
    return (
      <span className="obs-receipt">
        {t('observer.tips.broadcastReceipt', {
          delivered: count('deliveredAt'),
          read: count('readAt'),
          acked: count('ackAt'),
          total,
        })}
      </span>
    );
  }
  const r = tip.receipts[tip.to];
  const state = r?.ackAt ? 'acked' : r?.readAt ? 'read' : r?.deliveredAt ? 'delivered' : 'waiting';
  const badge = state === 'acked' ? 'ok' : state === 'waiting' ? 'warn' : 'neutral';
  return <span className={`badge ${badge}`}>{t(`observer.tips.${state}`)}</span>;
}

export function SentTips({
  live,
  myId,
  labels,
  recipients,
}: ObserverProps & {
  live: Pick<LiveView, 'coaching' | 'attempt'>;
  labels: Labels;
  /** How many a broadcast is for: the trainees a tip may go to, as the authority says (Composer asks it). */
  recipients: number;
}) {
  const { t } = useTranslation();
  const tips = (live.coaching?.tips ?? []).filter((tip) => tip.attempt === live.attempt).reverse();
  return (
    <>
      <h3 className="obs-sub">{t('observer.tips.title')}</h3>
      {tips.length === 0 ? (
        <p className="muted obs-empty" data-testid="sent-tips">
          {t('observer.tips.none')}
        </p>
      ) : (
        <ScrollBox label={t('observer.tips.title')} testId="sent-tips" className="obs-tips-box">
          <ul className="obs-tips">
            {tips.map((tip) => (
              <li key={tip.id} data-tip-id={tip.id}>
                <p className="obs-tip-head">
                  <strong>{tip.to === 'all' ? t('observer.tips.toAll') : labels.participant(tip.to)}</strong>
                  <Receipt tip={tip} total={recipients} />
                  <span className="muted obs-tip-by">
                    {tip.from === myId ? t('observer.tips.byMe') : labels.observer(tip.from)} ·{' '}
                    {labels.time(tip.sentAt)}
                  </span>
                </p>
                <p className="obs-tip-text">{tip.text}</p>
              </li>
            ))}
          </ul>
        </ScrollBox>
      )}
    </>
  );
}
