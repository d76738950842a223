import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { useDebrief, useNames } from './context.ts';
import { Section } from './Section.tsx';

function Block({ title, items, tone }: { title: string; items: LocalText[]; tone?: string }) {
  const n = useNames();
  if (items.length === 0) return null;
  return (
    <div className={`db-secret-block ${tone ?? ''}`}>
      <h4>{title}</h4>
      <ul>
        {items.map((text) => (
          <li key={text.zh + text.en}>{n.local(text)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Every card's private side, side by side: what each person wanted, hid and would not give up. */
export function Secrets() {
  const { t } = useTranslation();
  const { view, attempt } = useDebrief();
  const n = useNames();
  const roles = view.secrets ?? [];
  const holders = (roleId: string) =>
    view.participants.filter((p) => attempt.cards[p.id] === roleId).map((p) => n.person(p.id));
  return (
    <Section
      id="secrets"
      title={t('debrief.secrets.title')}
      intro={t('debrief.secrets.intro')}
      testId="secrets"
    >
      <div className="db-secrets">
        {roles.map((role) => {
          const names = holders(role.id);
          return (
            <article key={role.id} className="db-secret-card role-card" aria-labelledby={`secret-${role.id}`}>
              <h3 id={`secret-${role.id}`}>{n.local(role.name)}</h3>
              <p className="muted db-secret-held">
                {role.npc
                  ? t('debrief.timeline.npc')
                  : names.length > 0
                    ? t('debrief.secrets.heldBy', { names: names.join(t('debrief.sep')) })
                    : t('debrief.secrets.unheld')}
                {role.chair && <span className="badge">{t('debrief.secrets.chair')}</span>}
              </p>
              <div className="db-secret-block">
                <h4>{t('debrief.secrets.brief')}</h4>
                <Markdown text={n.local(role.brief)} headingLevel={4} />
              </div>
              <Block title={t('debrief.secrets.goals')} items={role.goals} />
              <Block title={t('debrief.secrets.secrets')} items={role.secrets} tone="secret" />
              <Block title={t('debrief.secrets.redLines')} items={role.red_lines} tone="red" />
            </article>
          );
        })}
      </div>
    </Section>
  );
}
