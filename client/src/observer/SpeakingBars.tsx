// Speaking time per trainee (and per NPC card voiced by the experts): the
// recorded turns plus the running one, turns taken, overtime, and mood.
import { useTranslation } from 'react-i18next';
import type { Mood } from '../../../shared/meeting/context.ts';
import { formatClock } from '../ui/clock.ts';
import { localize } from '../ui/text.ts';
import { cardHolders } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { speakingTotals } from './speaking.ts';

export function OnlineDot({ online }: { online: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`obs-dot${online ? ' on' : ''}`}>
      <span className="visually-hidden">{online ? t('observer.online') : t('observer.offline')}</span>
    </span>
  );
}

export function MoodBadge({ mood }: { mood: Mood | null }) {
  const { t } = useTranslation();
  if (!mood) return null;
  return (
    <span className={`obs-mood ${mood}`}>
      <span className="visually-hidden">{t('observer.floor.mood')}</span>
      {t(`mood.${mood}`)}
    </span>
  );
}

interface Row {
  key: string;
  testId: string;
  name: string;
  card: string;
  online?: boolean;
  mood: Mood | null;
  speaking: boolean;
}

export function SpeakingBars({ scenario, live, now }: ObserverProps & { now: number }) {
  const { t, i18n } = useTranslation();
  const totals = speakingTotals(live, now);
  const floor = live.item?.floor?.speaker;
  const roleName = (roleId: string | null) => {
    const role = scenario.roles.find((r) => r.id === roleId);
    return role ? localize(role.name, i18n.language) : '';
  };
  const rows: Row[] = [
    ...cardHolders(live).map((p) => ({
      key: `p:${p.id}`,
      testId: `speaking-bar-${p.id}`,
      name: p.playedBy !== undefined ? t('observer.played.byExpert', { name: p.name }) : p.name,
      card: roleName(p.roleId),
      online: p.online,
      mood: p.mood,
      speaking: floor?.kind === 'participant' && floor.id === p.id,
    })),
    ...scenario.roles
      .filter((r) => r.npc && totals.has(`npc:${r.id}`))
      .map((r) => ({
        key: `npc:${r.id}`,
        testId: `speaking-bar-npc-${r.id}`,
        name: roleName(r.id),
        card: t('observer.npcBadge'),
        mood: null,
        speaking: floor?.kind === 'npc' && floor.roleId === r.id,
      })),
  ];
  const max = Math.max(60_000, ...[...totals.values()].map((r) => r.ms));
  return (
    <>
      <h3 className="obs-sub">{t('observer.floor.speakingTime')}</h3>
      {rows.length === 0 ? (
        <p className="muted obs-empty">{t('observer.floor.noTrainees')}</p>
      ) : (
        <ul className="obs-bars">
          {rows.map((row) => {
            const total = totals.get(row.key) ?? { ms: 0, turns: 0, overtimeMs: 0, pointsOfOrder: 0 };
            const over = Math.min(total.overtimeMs, total.ms);
            return (
              <li key={row.key} data-testid={row.testId} className={row.speaking ? 'speaking' : undefined}>
                <span className="obs-bar-who">
                  {row.online !== undefined && <OnlineDot online={row.online} />}
                  <span className="obs-bar-name">{row.name}</span>
                  <span className="obs-bar-card">{row.card}</span>
                </span>
                <span className="obs-bar-mood">
                  <MoodBadge mood={row.mood} />
                </span>
                <span className="obs-bar-track" aria-hidden="true">
                  <span className="obs-bar-fill" style={{ width: `${((total.ms - over) / max) * 100}%` }} />
                  <span className="obs-bar-over" style={{ width: `${(over / max) * 100}%` }} />
                </span>
                <span className="obs-bar-stats">
                  <span className="obs-num">{formatClock(total.ms)}</span>
                  <span className="muted">{t('observer.floor.turns', { count: total.turns })}</span>
                  {total.overtimeMs >= 1000 && (
                    <span className="obs-over">
                      {t('observer.floor.overtime', { time: formatClock(total.overtimeMs) })}
                    </span>
                  )}
                  {row.speaking && <span className="visually-hidden">{t('observer.floor.speakingNow')}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
