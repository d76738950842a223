// The rubric for this attempt: every trainee × every competency, my scores
// beside the other experts', on the scenario's scale.
import { useTranslation } from 'react-i18next';
import { useLive } from '../connection/live-slice.ts';
import { useRefusals } from '../connection/may-send.ts';
import { localize } from '../ui/text.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { clearScore, ScoreCell } from './ScoreCell.tsx';
import { Section } from './Section.tsx';

export function ScoringPanel({ scenario, myId }: ObserverProps) {
  const live = useLive('attempt', 'coaching', 'participants');
  const { t, i18n } = useTranslation();
  const labels = useLabels(scenario);
  const { scale, competencies } = scenario.rubric;
  const scores = (live.coaching?.scores ?? []).filter((s) => s.attempt === live.attempt);
  const markers = (live.coaching?.markers ?? []).filter(
    (m) => m.attempt === live.attempt && m.observerId === myId,
  );
  // Whom this expert may score, as the authority says (trainees holding a card, not the cards experts play).
  const scorable = useRefusals(live.participants.map((p) => clearScore(p.id, competencies[0]?.id ?? '')));
  const trainees = live.participants.filter((_, i) => scorable[i] === null);
  const mineCount = scores.filter((s) => s.observerId === myId).length;
  const scaleText =
    scale.kind === 'psmu'
      ? t('observer.scores.scalePsmu')
      : t('observer.scores.scaleRange', { min: scale.min, max: scale.max });
  return (
    <Section
      id="scores"
      title={t('observer.scores.title')}
      className="obs-scores-section"
      badge={
        <span className="badge neutral">
          {t('observer.scores.progress', { done: mineCount, total: trainees.length * competencies.length })}
        </span>
      }
    >
      <p className="hint">{t('observer.scores.hint', { attempt: live.attempt, scale: scaleText })}</p>
      {trainees.length === 0 ? (
        <p className="muted obs-empty">{t('observer.floor.noTrainees')}</p>
      ) : (
        <div className="obs-table-wrap">
          <table className="obs-scores">
            <caption className="visually-hidden">{t('observer.scores.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observer.scores.trainee')}</th>
                {competencies.map((c) => (
                  <th scope="col" key={c.id}>
                    {localize(c.title, i18n.language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trainees.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <span className="obs-score-name">{p.name}</span>
                    <span className="obs-bar-card">{labels.role(p.roleId)}</span>
                  </th>
                  {competencies.map((c) => {
                    const cell = scores.filter((s) => s.participantId === p.id && s.competency === c.id);
                    const mine = cell.find((s) => s.observerId === myId);
                    return (
                      <td key={c.id}>
                        <ScoreCell
                          key={live.attempt}
                          participantId={p.id}
                          competency={c.id}
                          scale={scale}
                          mine={mine}
                          others={cell.filter((s) => s.observerId !== myId)}
                          myMarkers={markers.filter((m) => m.participantId === p.id && m.competency === c.id)}
                          labels={labels}
                          label={`${p.name} · ${localize(c.title, i18n.language)}`}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="obs-details">
        <summary>{t('observer.scores.indicators')}</summary>
        <dl className="obs-indicators">
          {competencies.map((c) => (
            <div key={c.id}>
              <dt>{localize(c.title, i18n.language)}</dt>
              <dd>
                <ul>
                  {c.indicators.map((ind) => (
                    <li key={`${ind.zh}\u0000${ind.en}`}>{localize(ind, i18n.language)}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </Section>
  );
}
