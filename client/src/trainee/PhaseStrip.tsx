import { useTranslation } from 'react-i18next';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';

/** Where the meeting stands and who I am in it, in one line above every view. */
export function PhaseStrip() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, me, isChair } = useTrainee();
  const tone = live.phase === 'running' ? 'ok' : live.phase === 'paused' ? 'warn' : 'neutral';
  return (
    <div className="tr-phase-strip">
      <span className={`badge ${tone}`} data-testid="phase" data-phase={live.phase}>
        {t(`phase.${live.phase}`)}
      </span>
      {live.attempt > 1 && <span className="badge neutral">{t('trainee.attempt', { n: live.attempt })}</span>}
      <span className="tr-whoami">
        {me.card ? t('trainee.whoami', { name: me.name, card: L(me.card.name) }) : me.name}
      </span>
      {isChair && <span className="badge">{t('trainee.chairBadge')}</span>}
    </div>
  );
}
