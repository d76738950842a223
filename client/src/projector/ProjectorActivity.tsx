import { useTranslation } from 'react-i18next';
import type { PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { participantName, useLocalize } from '../ui/text.ts';

/** Sign-up lists, recorded decisions, or a break: what a non-floor, non-vote item shows. */
export function ProjectorActivity({ live, scenario }: { live: LiveView; scenario: PublicScenario }) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  if (!item) return null;
  if (item.kind === 'break') return <p className="pj-motion">{t('projector.break')}</p>;
  if (item.kind === 'signup') {
    return (
      <ul className="pj-signups">
        {item.asks.map((ask, i) => {
          const names = live.record.signups
            .filter((s) => s.item === item.id && s.ask === i)
            .map((s) => participantName(live, s.participant, { kind: 'public', scenario }, i18n.language));
          return (
            <li key={ask.zh}>
              <span className="pj-ask">{L(ask)}</span>
              <span className="pj-ask-names">
                {names.length ? names.join(t('projector.sep')) : t('projector.noSignups')}
              </span>
            </li>
          );
        })}
      </ul>
    );
  }
  if (item.kind === 'actions') {
    const actions = live.record.actions.filter((a) => a.item === item.id);
    return actions.length === 0 ? (
      <p className="pj-motion muted-on-dark">{t('projector.noActions')}</p>
    ) : (
      <ul className="pj-signups">
        {actions.map((a) => (
          <li key={`${a.at}-${a.what}`}>
            <span className="pj-ask">{a.what}</span>
            <span className="pj-ask-names">
              {a.who ? L(scenario.roles.find((r) => r.id === a.who)?.name) : ''}
              {a.due ? ` · ${a.due}` : ''}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return null;
}
