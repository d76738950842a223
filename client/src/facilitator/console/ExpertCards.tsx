// Short-handed classes in the console: hand a card nobody holds to an expert
// (an observer who has opened the observer link), and take it back. Which
// cards may go to an expert, and when, the authority answers (may-send.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { type MayFn, useMay } from '../../connection/may-send.ts';
import { useLocalize } from '../../ui/text.ts';
import { useRun } from './hooks.ts';

/**
 * May this card go to an expert now (a free seat nobody holds, or one short of
 * its minimum, before the meeting begins)? Which expert does not change the
 * answer: whether one has joined is the host's check, and the list below.
 */
export const mayGoToExpert = (may: MayFn, role: Role): boolean =>
  may({ type: 'card.assign_expert', roleId: role.id, observerId: '' }) === null;

/** The experts who joined, connected ones first. */
function experts(live: LiveView): { id: string; name: string; online: boolean }[] {
  const online = new Set(live.observersOnline ?? []);
  return Object.values(live.coaching?.observers ?? {})
    .map((o) => ({ id: o.id, name: o.name, online: online.has(o.id) }))
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
}

/** "交给专家扮演": pick a connected expert, hand the card over. */
export function HandToExpert({ role, live }: { role: Role; live: LiveView }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { run, busy } = useRun();
  const list = experts(live);
  const firstOnline = list.find((e) => e.online)?.id ?? '';
  const [picked, setPicked] = useState('');
  const choice = list.some((e) => e.id === picked && e.online) ? picked : firstOnline;
  if (list.length === 0 || !firstOnline)
    return (
      <p className="hint fac-expert-none" data-testid={`expert-none-${role.id}`}>
        {t('facilitator.expert.none')}
      </p>
    );
  const selectId = `expert-for-${role.id}`;
  return (
    <form
      className="fac-expert-give"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) void run({ type: 'card.assign_expert', roleId: role.id, observerId: choice });
      }}
    >
      <label className="visually-hidden" htmlFor={selectId}>
        {t('facilitator.expert.pickFor', { card: L(role.name) })}
      </label>
      <select
        id={selectId}
        value={choice}
        onChange={(e) => setPicked(e.target.value)}
        disabled={busy}
        data-testid={`expert-pick-${role.id}`}
      >
        {list.map((e) => (
          <option key={e.id} value={e.id} disabled={!e.online}>
            {e.name}
            {e.online ? '' : ` ${t('facilitator.expert.offline')}`}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="small"
        disabled={busy || !choice}
        aria-label={t('facilitator.expert.giveFor', { card: L(role.name) })}
        data-testid={`expert-give-${role.id}`}
      >
        {t('facilitator.expert.give')}
      </button>
    </form>
  );
}

/** The cards experts play now: who plays each, connected or not, and "take back". */
export function StandInList({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { run, busy } = useRun();
  const may = useMay();
  const standIns = live.participants.filter((p) => p.playedBy !== undefined && p.roleId !== null);
  if (standIns.length === 0) return null;
  return (
    <>
      <h3 className="fac-subhead">{t('facilitator.expert.heading')}</h3>
      <ul className="fac-people fac-stand-ins">
        {standIns.map((p) => {
          const card = L(scenario.roles.find((r) => r.id === p.roleId)?.name);
          return (
            <li key={p.id} data-testid={`stand-in-${p.roleId}`}>
              <span className={`fac-dot${p.online ? ' on' : ''}`} aria-hidden="true" />
              <span className="fac-person-name">
                {card}
                <span className="muted"> · {t('facilitator.expert.playedBy', { name: p.name })}</span>
                <span className="visually-hidden">
                  {' '}
                  ({p.online ? t('facilitator.seats.online') : t('facilitator.seats.offline')})
                </span>
              </span>
              {may({ type: 'card.release_expert', participantId: p.id }) === null && (
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  onClick={() => void run({ type: 'card.release_expert', participantId: p.id })}
                  aria-label={t('facilitator.expert.releaseFor', { card, name: p.name })}
                  data-testid={`stand-in-release-${p.roleId}`}
                >
                  {t('facilitator.expert.release')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
