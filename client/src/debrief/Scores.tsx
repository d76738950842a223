import { useTranslation } from 'react-i18next';
import { useDebrief, useFormat, useNames, useTrainees } from './context.ts';
import { Bar, Scroll, Section } from './Section.tsx';
import '../roster/strings.ts';

/** The rubric's scale as numbers: P/S/M/U read as 4..1. */
export function useScale(): { min: number; max: number; psmu: boolean } {
  const { scenario } = useDebrief();
  const scale = scenario.rubric.scale;
  return scale.kind === 'psmu'
    ? { min: 1, max: 4, psmu: true }
    : { min: scale.min, max: scale.max, psmu: false };
}

/** Rubric scores per trainee and competency: each expert's score and note, the mean, spread and agreement. */
export function Scores() {
  const { t } = useTranslation();
  const { attempt, scenario, audience, view } = useDebrief();
  // Staged release: a trainee's copy holds no score of an attempt not yet released.
  const held = attempt.attempt > view.release.throughAttempt;
  const n = useNames();
  const f = useFormat();
  const scale = useScale();
  const trainees = useTrainees();
  const competencies = scenario.rubric.competencies;
  const any = attempt.scores.length > 0;
  return (
    <Section
      id="scores"
      title={t('debrief.scores.title')}
      intro={
        scale.psmu
          ? t('debrief.scores.introPsmu')
          : t('debrief.scores.intro', { min: scale.min, max: scale.max })
      }
      testId="scores-table"
    >
      {held && (
        <p className="hint" data-testid="scores-held">
          {audience === 'trainee' ? t('roster.release.held') : t('roster.release.heldExpert')}
        </p>
      )}
      {!any && !(held && audience === 'trainee') && <p className="hint">{t('debrief.scores.none')}</p>}
      {any && (
        <Scroll label={t('debrief.scores.table')}>
          <table className="db-table db-scores">
            <thead>
              <tr>
                {audience !== 'trainee' && <th scope="col">{t('debrief.scores.trainee')}</th>}
                <th scope="col">{t('debrief.scores.competency')}</th>
                <th scope="col">{t('debrief.scores.experts')}</th>
                <th scope="col">{t('debrief.scores.mean')}</th>
                <th scope="col" className="num">
                  {t('debrief.scores.spread')}
                </th>
                <th scope="col" className="num">
                  {t('debrief.scores.agreement')}
                </th>
              </tr>
            </thead>
            {trainees.map((p) => (
              <tbody key={p.id}>
                {competencies.map((c, i) => {
                  const agg = attempt.scores.find((s) => s.participantId === p.id && s.competency === c.id);
                  return (
                    <tr key={c.id} className={i === 0 ? 'first' : undefined}>
                      {audience !== 'trainee' && i === 0 && (
                        <th scope="rowgroup" rowSpan={competencies.length} className="db-score-who">
                          {n.withCard(p.id)}
                        </th>
                      )}
                      <th scope="row">{n.local(c.title)}</th>
                      <td data-label={t('debrief.scores.experts')}>
                        {agg ? (
                          <ul className="db-expert-scores">
                            {agg.scores.map((s, k) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: an aggregate's scores keep their order
                              <li key={k}>
                                <span className="db-score-chip">
                                  <span className="db-score-by">
                                    {audience === 'trainee'
                                      ? t('debrief.scores.expertN', { n: s.expert })
                                      : n.observer(s.observerId)}
                                  </span>{' '}
                                  <strong>{s.score}</strong>
                                </span>
                                {s.note && <span className="db-score-note">{s.note}</span>}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">{t('debrief.scores.unscored')}</span>
                        )}
                      </td>
                      <td
                        data-testid={`score-mean-${p.id}-${c.id}`}
                        className="db-mean"
                        data-label={t('debrief.scores.mean')}
                      >
                        {agg ? <Bar value={agg.mean} max={scale.max} label={f.num(agg.mean, 2)} /> : '—'}
                      </td>
                      <td className="num" data-label={t('debrief.scores.spread')}>
                        {agg ? f.num(agg.spread) : '—'}
                      </td>
                      <td className="num" data-label={t('debrief.scores.agreement')}>
                        {agg?.agreement != null ? (
                          <span className={agg.agreement < 0.5 ? 'db-over' : undefined}>
                            {f.pct(agg.agreement)}
                          </span>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </Scroll>
      )}
      {any && <ScoreLegend />}
    </Section>
  );
}

function ScoreLegend() {
  const { t } = useTranslation();
  return <p className="hint db-legend">{t('debrief.scores.legend')}</p>;
}
