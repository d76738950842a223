import { useTranslation } from 'react-i18next';
import { summarizeActions } from '../../../shared/debrief/command-words.ts';
import { useDebrief, useFormat, useNames } from './context.ts';
import type { Fact } from './moments.ts';

/** A tip, and what each trainee who got it did in the two minutes after. */
export function TipFact({ fact }: { fact: Extract<Fact, { kind: 'tip' }> }) {
  const { t } = useTranslation();
  const { audience } = useDebrief();
  const n = useNames();
  const f = useFormat();
  const to = fact.broadcast
    ? t('debrief.tip.everyone')
    : fact.followUps.map((u) => n.withCard(u.participantId)).join(t('debrief.sep'));
  return (
    <div className="db-fact db-tip">
      <p>
        <span className="db-tag tip">
          {fact.broadcast ? t('debrief.tip.broadcast') : t('debrief.tip.whisper')}
        </span>{' '}
        {audience !== 'trainee' && <span className="muted">{t('debrief.tip.to', { to })} </span>}“{fact.text}”
      </p>
      <ul className="db-followups">
        {fact.followUps.map((u) => (
          <li key={u.participantId}>
            {(audience !== 'trainee' || fact.followUps.length > 1) && (
              <strong>{n.person(u.participantId)}</strong>
            )}{' '}
            {u.ackAt !== undefined ? (
              <span className="db-ok">
                {t('debrief.tip.acked', { time: f.duration(u.ackAt - u.sentAt) })}
              </span>
            ) : (
              <span className="muted">{t('debrief.tip.notAcked')}</span>
            )}
            {' · '}
            {u.actions.length === 0 ? (
              <span className="muted">{t('debrief.tip.nothing')}</span>
            ) : (
              <span>
                {t('debrief.tip.followed', { after: f.duration((u.actions[0]?.at ?? u.sentAt) - u.sentAt) })}{' '}
                {summarizeActions(u.actions)
                  .map(({ type, count }) =>
                    count > 1 ? t('debrief.tip.times', { what: n.command(type), count }) : n.command(type),
                  )
                  .join(t('debrief.sep'))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
