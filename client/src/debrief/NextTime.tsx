// Shown to a trainee in the lobby and briefing of a later attempt: the
// experts' "next time" items from the attempts before, most recent first.
import { useTranslation } from 'react-i18next';
import './link-strings.ts';
import type { TraineeSelf } from '../../../shared/views/types.ts';

export function NextTime({ plan, attempt }: { plan: TraineeSelf['plan']; attempt: number }) {
  const { t } = useTranslation();
  if (attempt <= 1 || plan.length === 0) return null;
  const attempts = [...new Set(plan.map((p) => p.attempt))].sort((a, b) => b - a);
  return (
    <section className="panel lead-panel" aria-labelledby="next-time-heading" data-testid="next-time">
      <h3 id="next-time-heading">{t('debrief.nextTime.heading')}</h3>
      {attempts.map((n) => (
        <div key={n}>
          {attempts.length > 1 && <p className="hint">{t('debrief.nextTime.attempt', { n })}</p>}
          <ul>
            {plan
              .filter((p) => p.attempt === n)
              .map((p) => (
                <li key={p.id}>{p.text}</li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
