import { useTranslation } from 'react-i18next';
import { speakerKey } from '../../../shared/meeting/context.ts';
import '../debrief/link-strings.ts';
import { useSession } from '../connection/session-store.ts';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';
import { useFormat } from './format.ts';
import { ActionsList } from './ItemPanels.tsx';
import './moment-strings.ts';

/** The meeting is over: a short personal summary until the debrief. */
export function Ended() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, me, scenario } = useTrainee();
  const f = useFormat();
  const sessionId = useSession((s) => s.welcome?.sessionId);
  // Totals over the whole attempt (the view holds only its latest turns).
  const mine = live.record.speaking[speakerKey({ kind: 'participant', id: me.participantId })];
  const spokenMs = mine?.speakingMs ?? 0;
  const overtimeMs = mine?.overtimeMs ?? 0;
  const statements = mine?.statements ?? 0;
  const itemTitle = (id: string) => L(scenario.agenda.find((i) => i.id === id)?.title);
  return (
    <>
      <section className="panel tr-lead-panel" aria-labelledby="ended-heading">
        <h3 id="ended-heading">{t('trainee.ended.heading')}</h3>
        <p>{live.phase === 'debrief' ? t('trainee.ended.debrief') : t('trainee.ended.body')}</p>
        {sessionId && (
          <p>
            <a
              className="button primary"
              href={`/debrief/${encodeURIComponent(sessionId)}#trainee`}
              data-testid="trainee-debrief-link"
            >
              {t('debrief.link.trainee')}
            </a>
            <span className="hint"> {t('debrief.link.traineeHint')}</span>
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="summary-heading">
        <h3 id="summary-heading">{t('trainee.ended.summary')}</h3>
        <dl className="tr-summary">
          <div>
            <dt>{t('trainee.ended.turns')}</dt>
            <dd>{mine?.turns ?? 0}</dd>
          </div>
          <div>
            <dt>{t('trainee.ended.speaking')}</dt>
            <dd>{f.duration(spokenMs)}</dd>
          </div>
          {overtimeMs > 0 && (
            <div>
              <dt>{t('trainee.ended.overtime')}</dt>
              <dd>{f.duration(overtimeMs)}</dd>
            </div>
          )}
          <div>
            <dt>{t('trainee.ended.statements')}</dt>
            <dd>{statements}</dd>
          </div>
          <div>
            <dt>{t('trainee.ended.tips')}</dt>
            <dd>{me.tips.length}</dd>
          </div>
        </dl>
        {live.record.ballots.length > 0 && (
          <>
            <h4>{t('trainee.ended.votes')}</h4>
            <ul className="list-plain">
              {live.record.ballots.map((b) => {
                const outcome =
                  b.kind === 'vote'
                    ? b.outcome.passed
                      ? t('trainee.result.passed')
                      : t('trainee.result.failed')
                    : t('trainee.ended.electedCount', { count: b.outcome.elected.length });
                const mine = b.kind === 'vote' ? b.votes[me.participantId] : b.choices[me.participantId];
                const myVote =
                  b.ballot === 'secret'
                    ? t('trainee.ended.secret')
                    : mine === undefined
                      ? t('trainee.ended.noVote')
                      : typeof mine === 'string'
                        ? t('trainee.ended.myVote', { choice: t(`choice.${mine}`) })
                        : t('trainee.ended.myChoices', { count: mine.length });
                return (
                  <li key={`${b.item}-${b.at}`}>
                    <strong>{itemTitle(b.item)}</strong>
                    <br />
                    <span>{outcome}</span> · <span className="muted">{myVote}</span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {me.tips.length > 0 && (
          <>
            <h4>{t('trainee.ended.tipList')}</h4>
            <ul className="list-plain">
              {me.tips.map((tip) => (
                <li key={tip.id}>
                  <span className="muted">{f.time(tip.sentAt)} · </span>
                  {tip.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {live.record.actions.length > 0 && <ActionsList />}
    </>
  );
}
