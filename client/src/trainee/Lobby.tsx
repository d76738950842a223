import { useTranslation } from 'react-i18next';
import type { PublicRole } from '../../../shared/views/scenario-public.ts';
import { loadSeat } from '../app/seat-storage.ts';
import { NextTime } from '../debrief/NextTime.tsx';
import { CarriedNextTime } from '../roster/CarriedNextTime.tsx';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';
import { Attributes, Background } from './MyCard.tsx';

/** Picking a role card before the meeting: who holds what, and how many seats are left. */
export function Lobby() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, me, scenario, send, show } = useTrainee();
  const mine = me.card?.id;

  return (
    <>
      <NextTime plan={me.plan} attempt={live.attempt} />
      <FromLastSession attempt={live.attempt} />
      <section className="panel" aria-labelledby="lobby-heading">
        <h3 id="lobby-heading">{mine ? t('trainee.lobby.holding') : t('trainee.lobby.pick')}</h3>
        {me.card ? (
          <>
            <p className="tr-held-card">{L(me.card.name)}</p>
            <div className="button-row">
              <button type="button" className="primary" onClick={() => show('card')}>
                {t('trainee.lobby.readCard')}
              </button>
              <button type="button" onClick={() => void send({ type: 'card.release' })}>
                {t('trainee.lobby.release')}
              </button>
            </div>
          </>
        ) : (
          <p className="hint">{t('trainee.lobby.pickHint')}</p>
        )}
        <p className="tr-waiting" role="note">
          <span className="tr-pulse" aria-hidden="true" />
          {live.phase === 'lobby' ? t('trainee.lobby.waiting') : t('trainee.lobby.briefingStarted')}
        </p>
      </section>
      <ul className="tr-card-list" aria-label={t('trainee.lobby.cards')}>
        {scenario.roles.map((role) => (
          <CardOption key={role.id} role={role} mine={role.id === mine} />
        ))}
      </ul>
      <details className="panel tr-background-details">
        <summary>{t('trainee.card.background')}</summary>
        <Background />
      </details>
    </>
  );
}

/** At the start of a session (its first attempt), the items a roster trainee brings from their last one. */
function FromLastSession({ attempt }: { attempt: number }) {
  const seat = loadSeat();
  if (attempt !== 1 || !seat) return null;
  return <CarriedNextTime sessionId={seat.sessionId} bearer={seat.resumeToken} />;
}

function CardOption({ role, mine }: { role: PublicRole; mine: boolean }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, me, send } = useTrainee();
  const holders = live.participants.filter((p) => p.roleId === role.id);
  const full = holders.length >= role.seats.max;
  const headingId = `card-${role.id}`;
  return (
    <li
      className={`tr-role-option${mine ? ' mine' : ''}${role.npc ? ' npc' : ''}`}
      data-testid={`card-option-${role.id}`}
    >
      <div className="tr-role-option-head">
        <h4 id={headingId}>{L(role.name)}</h4>
        <div className="tr-badges">
          {role.chair && <span className="badge">{t('trainee.lobby.chair')}</span>}
          {role.required && !role.npc && <span className="badge warn">{t('trainee.lobby.required')}</span>}
          {role.npc ? (
            <span className="badge neutral">{t('trainee.lobby.npc')}</span>
          ) : (
            <span className={`badge ${full ? 'neutral' : 'ok'}`}>
              {t('trainee.lobby.seats', { taken: holders.length, max: role.seats.max })}
            </span>
          )}
        </div>
      </div>
      {role.affiliation && <p className="muted tr-affiliation">{L(role.affiliation)}</p>}
      <p>{L(role.public)}</p>
      <Attributes attributes={role.attributes} />
      {holders.some((h) => h.name) && (
        <p className="hint">
          {t('trainee.lobby.heldBy', {
            names: holders
              .map((h) => h.name)
              .filter(Boolean)
              .join(t('trainee.sep')),
          })}
        </p>
      )}
      {role.npc ? (
        <p className="hint">{t('trainee.lobby.npcHint')}</p>
      ) : mine ? (
        <p className="badge ok">{t('trainee.lobby.yours')}</p>
      ) : (
        <button
          type="button"
          data-testid="take-card"
          className={me.card ? undefined : 'primary'}
          disabled={full}
          aria-describedby={headingId}
          onClick={() => void send({ type: 'card.take', roleId: role.id })}
        >
          {full ? t('trainee.lobby.full') : me.card ? t('trainee.lobby.switch') : t('trainee.lobby.take')}
        </button>
      )}
    </li>
  );
}
