import { useTranslation } from 'react-i18next';
import { participantName, roleName, useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';
import './moment-strings.ts';

/** A sign-up item: each ask, who has signed up, and my commit or withdraw. */
export function SignupPanel() {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const { live, item, me, send, staticView } = useTrainee();
  if (item?.kind !== 'signup') return null;
  return (
    <section className="panel" aria-labelledby="signup-heading">
      <h3 id="signup-heading">{t('trainee.signup.heading')}</h3>
      <ul className="tr-asks">
        {item.asks.map((ask, i) => {
          const who = live.record.signups.filter((s) => s.item === item.id && s.ask === i);
          const mine = who.some((s) => s.participant === me.participantId);
          return (
            <li key={ask.zh} className={mine ? 'mine' : undefined}>
              <p className="tr-ask-text">{L(ask)}</p>
              <p className="hint">
                {who.length > 0
                  ? t('trainee.signup.who', {
                      count: who.length,
                      names: who
                        .map((s) => participantName(live, s.participant, staticView, i18n.language))
                        .join(t('trainee.sep')),
                    })
                  : t('trainee.signup.nobody')}
              </p>
              {me.card &&
                (mine ? (
                  <button
                    type="button"
                    data-testid={`signup-withdraw-${i}`}
                    onClick={() => void send({ type: 'signup.withdraw', ask: i })}
                  >
                    {t('trainee.signup.withdraw')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="primary"
                    data-testid={`signup-commit-${i}`}
                    onClick={() => void send({ type: 'signup.commit', ask: i })}
                  >
                    {t('trainee.signup.commit')}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Decisions and action items recorded so far: what, who, by when. */
export function ActionsList() {
  const { t, i18n } = useTranslation();
  const { live, staticView } = useTrainee();
  const actions = live.record.actions;
  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t('trainee.actions.heading')}</h3>
      {actions.length === 0 ? (
        <p className="hint">{t('trainee.actions.none')}</p>
      ) : (
        <ol className="tr-actions-list">
          {actions.map((a) => (
            <li key={`${a.at}-${a.what.slice(0, 12)}`}>
              <span className={`badge ${a.kind === 'decision' ? 'ok' : 'neutral'}`}>
                {t(`trainee.actions.${a.kind}`)}
              </span>{' '}
              {a.what}
              {(a.who || a.due) && (
                <span className="muted tr-action-meta">
                  {a.who && t('trainee.actions.who', { who: roleName(staticView, a.who, i18n.language) })}
                  {a.who && a.due && ' · '}
                  {a.due && t('trainee.actions.due', { due: a.due })}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
