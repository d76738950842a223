// A portfolio as trainees and instructors read it: each competency's trend
// and proficiency, then every attempt with its role, scores and notes,
// markers, speaking figures and "next time" items. Experts are named only
// where the server named them (the instructor's copy).
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../shared/portfolio/portfolio.ts';
import { formatWhen } from '../account/messages.ts';
import { useLocalize } from '../ui/text.ts';
import { CompetencyChart } from './CompetencyChart.tsx';
import './portfolio.css';

const minutes = (ms: number) => Math.round(ms / 6000) / 10;

export function PortfolioView({ portfolio }: { portfolio: Portfolio }) {
  const { t, i18n } = useTranslation();
  const text = useLocalize();
  if (portfolio.attempts.length === 0) return <p className="panel">{t('portfolio.empty')}</p>;
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="portfolio-competencies">
        <h2 id="portfolio-competencies">{t('portfolio.competencies')}</h2>
        <p className="hint">{t('portfolio.formula')}</p>
        <p className="hint">{t('portfolio.chartLegend')}</p>
        {portfolio.competencies.length === 0 && <p>{t('portfolio.noScores')}</p>}
        <ul className="portfolio-trends">
          {portfolio.competencies.map((c) => (
            <li key={c.id}>
              <h3>{text(c.title)}</h3>
              <p>
                {c.proficiency === null
                  ? t('portfolio.noScores')
                  : t('portfolio.proficiency', { value: c.proficiency, n: c.points.length })}
              </p>
              <CompetencyChart trend={c} title={text(c.title)} />
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="portfolio-attempts">
        <h2 id="portfolio-attempts">{t('portfolio.attempts')}</h2>
        <ol className="portfolio-attempts">
          {portfolio.attempts.map((a) => (
            <li key={`${a.sessionId}-${a.attempt}`}>
              <h3>
                {t('portfolio.attemptTitle', {
                  scenario: text(a.scenarioTitle),
                  n: a.attempt,
                  when: formatWhen(a.at, i18n.language),
                })}
              </h3>
              <p>{a.role ? t('portfolio.role', { role: text(a.role.name) }) : t('portfolio.noRole')}</p>
              <p>
                {t('portfolio.speaking', {
                  minutes: minutes(a.speaking.speakingMs),
                  turns: a.speaking.turns,
                  cutOff: a.speaking.cutOff,
                  pointsOfOrder: a.speaking.pointsOfOrder,
                })}
              </p>
              {a.competencies.length === 0 ? (
                <p className="hint">{t('portfolio.noScoresYet')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>{t('portfolio.competency')}</th>
                      <th>{t('portfolio.mean')}</th>
                      <th>{t('portfolio.scores')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.competencies.map((c) => (
                      <tr key={c.id}>
                        <td>{text(c.title)}</td>
                        <td>
                          {c.mean} ({c.percent}%)
                        </td>
                        <td>
                          <ul>
                            {c.scores.map((s, i) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: an expert's score has no id of its own
                              <li key={i}>
                                {s.expert ?? t('portfolio.anExpert', { n: s.expertNumber })}:{' '}
                                {String(s.score)}
                                {s.note && ` — ${s.note}`}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {a.markers.length > 0 && (
                <ul aria-label={t('portfolio.markers')}>
                  {a.markers.map((m) => (
                    <li key={`${m.at}-${m.competency}`}>
                      {t(m.kind === 'strength' ? 'portfolio.strength' : 'portfolio.needsWork')} ·{' '}
                      {text(m.competencyTitle)}
                      {m.note && `: ${m.note}`}
                      {m.expert && ` (${m.expert})`}
                    </li>
                  ))}
                </ul>
              )}
              {a.plan.length > 0 && (
                <>
                  <h4>{t('portfolio.nextTime')}</h4>
                  <ul>
                    {a.plan.map((p) => (
                      <li key={p.id}>
                        {p.text} — <strong>{t(`portfolio.status.${p.status}`)}</strong>
                        {p.expert && ` (${p.expert})`}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
