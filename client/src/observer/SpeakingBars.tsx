// Speaking time per trainee (and per NPC card voiced by the experts): the
// recorded turns plus the running one, turns taken, overtime, and mood.
import { useTranslation } from 'react-i18next';
import type { Mood } from '../../../shared/meeting/context.ts';
import { useLive } from '../connection/live-slice.ts';
import { formatClock } from '../ui/clock.ts';
import { localize } from '../ui/text.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { speakingBars } from './speaking.ts';

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

export function SpeakingBars({ scenario, now }: ObserverProps & { now: number }) {
  const live = useLive('record', 'item', 'participants');
  const { t, i18n } = useTranslation();
  const roleName = (roleId: string | null) => {
    const role = scenario.roles.find((r) => r.id === roleId);
    return role ? localize(role.name, i18n.language) : '';
  };
  const rows = speakingBars(scenario, live, now);
  return (
    <>
      <h3 className="obs-sub">{t('observer.floor.speakingTime')}</h3>
      {rows.length === 0 ? (
        <p className="muted obs-empty">{t('observer.floor.noTrainees')}</p>
      ) : (
        <ul className="obs-bars">
          {rows.map((row) => (
            <li key={row.key} data-testid={row.testId} className={row.speaking ? 'speaking' : undefined}>
              <span className="obs-bar-who">
                {row.online !== undefined && <OnlineDot online={row.online} />}
                <span className="obs-bar-name">
                  {row.npc
                    ? roleName(row.roleId)
                    : row.playedBy !== undefined
                      ? t('observer.played.byExpert', { name: row.name })
                      : row.name}
                </span>
                <span className="obs-bar-card">
                  {row.npc ? t('observer.npcBadge') : roleName(row.roleId)}
                </span>
              </span>
              <span className="obs-bar-mood">
                <MoodBadge mood={row.mood} />
              </span>
              <span className="obs-bar-track" aria-hidden="true">
                <span className="obs-bar-fill" style={{ width: `${row.withinPct}%` }} />
                <span className="obs-bar-over" style={{ width: `${row.overPct}%` }} />
              </span>
              <span className="obs-bar-stats">
                <span className="obs-num">{formatClock(row.ms)}</span>
                <span className="muted">{t('observer.floor.turns', { count: row.turns })}</span>
                {row.overtimeMs >= 1000 && (
                  <span className="obs-over">
                    {t('observer.floor.overtime', { time: formatClock(row.overtimeMs) })}
                  </span>
                )}
                {row.speaking && <span className="visually-hidden">{t('observer.floor.speakingNow')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
