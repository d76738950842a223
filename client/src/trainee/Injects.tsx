import { useTranslation } from 'react-i18next';
import type { ReceivedInject } from '../../../shared/views/types.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';
import { useFormat } from './format.ts';

/** Events that happen to the meeting ("现场突发"): the newest open, earlier ones folded. */
export function Injects() {
  const { t } = useTranslation();
  const { live } = useTrainee();
  const since = live.item?.startedAt ?? Number.POSITIVE_INFINITY;
  const injects = [...(live.injects as ReceivedInject[])].sort((a, b) => b.firedAt - a.firedAt);
  if (injects.length === 0) return null;
  const [latest, ...earlier] = injects;
  return (
    <section className="tr-injects" aria-label={t('trainee.inject.heading')}>
      {latest && <InjectCard inject={latest} open={latest.firedAt >= since} />}
      {earlier.map((inject) => (
        <InjectCard key={inject.id} inject={inject} open={false} />
      ))}
    </section>
  );
}

function InjectCard({ inject, open }: { inject: ReceivedInject; open: boolean }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const f = useFormat();
  return (
    <details className="tr-inject" data-testid={`inject-${inject.id}`} open={open}>
      <summary>
        <span className="tr-inject-label">{t('trainee.inject.label')}</span>
        <span className="tr-inject-title">{L(inject.title)}</span>
        <span className="muted tr-inject-time">{f.time(inject.firedAt)}</span>
      </summary>
      <Markdown text={L(inject.body)} />
    </details>
  );
}
