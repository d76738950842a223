import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { participantName, useLocalize } from '../../ui/text.ts';

/** Sign-up lists and recorded decisions for the current item, when it is of that kind. */
export function SignupPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  if (!item) return null;

  if (item.kind === 'signup') {
    return (
      <section className="panel" aria-labelledby="fac-signup-heading">
        <h2 id="fac-signup-heading">{t('facilitator.signup.heading')}</h2>
        <ul className="list-plain">
          {item.asks.map((ask, i) => {
            const names = live.record.signups
              .filter((s) => s.item === item.id && s.ask === i)
              .map((s) => participantName(live, s.participant));
            return (
              <li key={ask.zh}>
                <strong>{L(ask)}</strong>
                <br />
                <span className={names.length ? undefined : 'muted'}>
                  {names.length ? names.join(t('facilitator.sep')) : t('facilitator.signup.nobody')}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    );
  }

  if (item.kind === 'actions') {
    const actions = live.record.actions.filter((a) => a.item === item.id);
    return (
      <section className="panel" aria-labelledby="fac-actions-heading">
        <h2 id="fac-actions-heading">{t('facilitator.signup.actions')}</h2>
        {actions.length === 0 ? (
          <p className="hint">{t('facilitator.signup.noActions')}</p>
        ) : (
          <ul className="list-plain">
            {actions.map((a) => (
              <li key={`${a.at}-${a.what}`}>
                <span className="badge neutral">{t(`facilitator.signup.${a.kind}`)}</span> {a.what}
                {a.who && ` — ${L(scenario.roles.find((r) => r.id === a.who)?.name)}`}
                {a.due && ` (${a.due})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return null;
}
