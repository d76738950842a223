// Every role card with what only its holder knows — private brief, goals,
// secrets, red lines — and who holds it now. NPC cards are voiced by the experts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalText, Role } from '../../../shared/scenario/index.ts';
import { useLive } from '../connection/live-slice.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { localize } from '../ui/text.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';
import { MoodBadge, OnlineDot } from './SpeakingBars.tsx';

function Attributes({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const a = role.attributes;
  const parts = [
    a.owner === true && t('observer.roles.owner'),
    a.area_m2 !== undefined &&
      t('observer.vote.area', { n: a.area_m2.toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en-GB') }),
    a.building !== undefined && t('observer.roles.building', { v: a.building }),
    a.unit !== undefined && t('observer.roles.unit', { v: a.unit }),
    a.floor !== undefined && t('observer.roles.floor', { v: a.floor }),
    a.weight !== undefined && t('observer.roles.weight', { v: a.weight }),
  ].filter(Boolean);
  return parts.length > 0 ? <p className="obs-role-attrs">{parts.join(' · ')}</p> : null;
}

function List({ title, items }: { title: string; items: LocalText[] }) {
  const { i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <dt>{title}</dt>
      <dd>
        <ul>
          {items.map((item) => (
            <li key={`${item.zh}\u0000${item.en}`}>{localize(item, i18n.language)}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}

export function RoleCards({ scenario }: ObserverProps) {
  const live = useLive('participants');
  const { t, i18n } = useTranslation();
  const loc = (text: LocalText | undefined) => localize(text, i18n.language);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const all = open.size === scenario.roles.length;
  const toggle = (id: string, isOpen: boolean) =>
    setOpen((prev) => {
      if (prev.has(id) === isOpen) return prev;
      const next = new Set(prev);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Section
      id="roles"
      title={t('observer.roles.title')}
      actions={
        <button
          type="button"
          className="small"
          onClick={() => setOpen(all ? new Set() : new Set(scenario.roles.map((r) => r.id)))}
        >
          {all ? t('observer.roles.collapseAll') : t('observer.roles.expandAll')}
        </button>
      }
    >
      <ul className="obs-roles">
        {scenario.roles.map((role) => {
          const holders = live.participants.filter((p) => p.roleId === role.id);
          const short = !role.npc && holders.length < role.seats.min;
          return (
            <li key={role.id}>
              <article
                className={`obs-role role-card${role.npc ? ' npc' : ''}`}
                data-testid={`role-card-${role.id}`}
                aria-labelledby={`obs-role-${role.id}`}
              >
                <h3 id={`obs-role-${role.id}`}>{loc(role.name)}</h3>
                <p className="obs-role-badges">
                  {role.chair && <span className="badge">{t('observer.roles.chair')}</span>}
                  {role.npc && <span className="badge neutral">{t('observer.npcBadge')}</span>}
                  {role.required && !role.npc && (
                    <span className="badge neutral">{t('observer.roles.required')}</span>
                  )}
                  {!role.npc && (
                    <span className={`badge ${short ? 'warn' : 'ok'}`}>
                      {t('observer.roles.seats', { held: holders.length, max: role.seats.max })}
                    </span>
                  )}
                </p>
                {role.affiliation && <p className="muted obs-role-aff">{loc(role.affiliation)}</p>}
                <Attributes role={role} />
                {!role.npc && (
                  <ul className="obs-holders" aria-label={t('observer.roles.holders')}>
                    {holders.length === 0 ? (
                      <li className="muted">{t('observer.roles.nobody')}</li>
                    ) : (
                      holders.map((p) => (
                        <li key={p.id}>
                          <OnlineDot online={p.online} />
                          {p.playedBy !== undefined
                            ? t('observer.played.byExpert', { name: p.name })
                            : p.name}
                          <MoodBadge mood={p.mood} />
                        </li>
                      ))
                    )}
                  </ul>
                )}
                <Markdown className="obs-role-public" text={loc(role.public)} />
                <details
                  open={open.has(role.id)}
                  onToggle={(e) => toggle(role.id, e.currentTarget.open)}
                  className="obs-details private"
                >
                  <summary>{t('observer.roles.private')}</summary>
                  <dl>
                    <dt>{t('observer.roles.brief')}</dt>
                    <dd>
                      <Markdown text={loc(role.brief)} />
                    </dd>
                    <List title={t('observer.roles.goals')} items={role.goals} />
                    <List title={t('observer.roles.secrets')} items={role.secrets} />
                    <List title={t('observer.roles.redLines')} items={role.red_lines} />
                  </dl>
                </details>
              </article>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
