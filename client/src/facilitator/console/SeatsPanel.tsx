import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { useMay } from '../../connection/may-send.ts';
import { shortRoleName, useLocalize } from '../../ui/text.ts';
import { HandToExpert, mayGoToExpert, StandInList } from './ExpertCards.tsx';
import { useRun } from './hooks.ts';

/**
 * Who is here and which card each holds: assign by hand, or balance
 * automatically; cards against seats; cards nobody holds handed to experts.
 */
export function SeatsPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { run, busy } = useRun();
  // Every menu and option as the authority answers (may-send.ts): the phase, full cards, stand-ins' seats.
  const may = useMay();
  const roles = scenario.roles.filter((r) => !r.npc);
  const npcs = scenario.roles.filter((r) => r.npc);
  const held = (roleId: string) => live.participants.filter((p) => p.roleId === roleId).length;
  // Trainees; the cards experts play are listed on their own.
  const trainees = live.participants.filter((p) => p.playedBy === undefined);
  const unseated = trainees.filter((p) => !p.roleId).length;
  /** Whether this seat's card may change now (taking it back is always possible when any change is). */
  const mayHandOut = (participantId: string) => may({ type: 'card.assign', participantId, roleId: null });

  return (
    <section className="panel fac-seats" aria-labelledby="fac-seats-heading">
      <div className="fac-section-head">
        <h2 id="fac-seats-heading">{t('facilitator.seats.heading')}</h2>
        <button
          type="button"
          className="small"
          disabled={busy || unseated === 0 || trainees.every((p) => mayHandOut(p.id) !== null)}
          onClick={() => void run({ type: 'cards.balance' })}
          data-testid="auto-balance"
        >
          {t('facilitator.seats.balance')}
        </button>
      </div>
      {trainees.length === 0 ? (
        <p className="hint">{t('facilitator.seats.empty')}</p>
      ) : (
        <ul className="fac-people">
          {trainees.map((p) => (
            <li
              key={p.id}
              data-testid={`participant-${p.id}`}
              className={p.roleId ? undefined : 'fac-unseated'}
            >
              <span className={`fac-dot${p.online ? ' on' : ''}`} aria-hidden="true" />
              <span className="fac-person-name">
                {p.name}
                <span className="visually-hidden">
                  {' '}
                  ({p.online ? t('facilitator.seats.online') : t('facilitator.seats.offline')})
                </span>
                {/* The card in full: a menu shows only what fits its width. */}
                {p.roleId && (
                  <span className="fac-person-card">{L(roles.find((r) => r.id === p.roleId)?.name)}</span>
                )}
              </span>
              <label className="visually-hidden" htmlFor={`assign-${p.id}`}>
                {t('facilitator.seats.cardFor', { name: p.name })}
              </label>
              <select
                id={`assign-${p.id}`}
                value={p.roleId ?? ''}
                disabled={busy || mayHandOut(p.id) !== null}
                onChange={(e) =>
                  void run({ type: 'card.assign', participantId: p.id, roleId: e.target.value || null })
                }
                data-testid={`assign-${p.id}`}
              >
                <option value="">{t('facilitator.seats.noCard')}</option>
                {roles.map((r) => {
                  const n = held(r.id);
                  const full = may({ type: 'card.assign', participantId: p.id, roleId: r.id }) !== null;
                  return (
                    <option key={r.id} value={r.id} disabled={full} title={L(r.name)}>
                      {shortRoleName(L(r.name))}
                      {r.chair ? ` ${t('facilitator.seats.chairMark')}` : ''} ({n}/{r.seats.max})
                    </option>
                  );
                })}
              </select>
            </li>
          ))}
        </ul>
      )}
      <StandInList live={live} scenario={scenario} />
      <h3 className="fac-subhead">{t('facilitator.seats.cards')}</h3>
      <ul className="fac-cards">
        {roles.map((r) => {
          const n = held(r.id);
          const missing = n < r.seats.min;
          return (
            <li key={r.id} className={missing ? 'missing' : undefined} data-testid={`card-count-${r.id}`}>
              <span className="fac-card-name">
                {L(r.name)}
                {r.chair && <span className="badge neutral">{t('facilitator.seats.chair')}</span>}
                {r.required && (
                  <span className={`badge ${missing ? '' : 'ok'}`}>{t('facilitator.seats.required')}</span>
                )}
              </span>
              <span className="fac-card-count">
                {t('facilitator.seats.count', {
                  held: n,
                  range: r.seats.min === r.seats.max ? `${r.seats.max}` : `${r.seats.min}–${r.seats.max}`,
                })}
                {missing && (
                  <strong className="fac-missing-mark">
                    {' '}
                    {t('facilitator.seats.missing', { count: r.seats.min - n })}
                  </strong>
                )}
              </span>
              {missing && mayGoToExpert(may, r) && <HandToExpert role={r} live={live} />}
            </li>
          );
        })}
      </ul>
      {npcs.length > 0 && (
        <p className="hint">
          {t('facilitator.seats.npcs', { names: npcs.map((r) => L(r.name)).join(t('facilitator.sep')) })}
        </p>
      )}
    </section>
  );
}
