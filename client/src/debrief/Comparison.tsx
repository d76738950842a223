import { useTranslation } from 'react-i18next';
import type { ComparisonRow } from '../../../shared/debrief/build.ts';
import { startedAttempts, useDebrief, useFormat, useNames } from './context.ts';
import { useScale } from './Scores.tsx';
import { Section } from './Section.tsx';

/**
 * One trainee's mean score per competency across attempts: a row per competency on the rubric's scale,
 * a numbered dot per attempt, joined from the first attempt to the last so the direction shows.
 * The filled dot is the latest attempt's, as the legend says: a competency scored only earlier has none.
 */
function ScoreChart({ rows, label, latest }: { rows: ComparisonRow[]; label: string; latest: number }) {
  const { t } = useTranslation();
  const { scenario } = useDebrief();
  const n = useNames();
  const scale = useScale();
  const f = useFormat();
  const at = (v: number) => `${((v - scale.min) / (scale.max - scale.min || 1)) * 100}%`;
  const ticks = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <figure className="db-dumbbell" aria-label={label}>
      <div className="db-db-row db-db-axis" aria-hidden="true">
        <span />
        <span className="db-db-track">
          {ticks.map((v) => (
            <span key={v} className="db-db-tick" style={{ left: at(v) }}>
              {v}
            </span>
          ))}
        </span>
        <span />
      </div>
      {scenario.rubric.competencies.map((c) => {
        const points = rows.flatMap((r) => {
          const v = r.competencies[c.id];
          return v === undefined ? [] : [{ attempt: r.attempt, v }];
        });
        const first = points[0];
        const last = points.at(-1);
        const lo = Math.min(...points.map((p) => p.v));
        const hi = Math.max(...points.map((p) => p.v));
        const trend = first && last && points.length > 1 ? Math.sign(last.v - first.v) : 0;
        return (
          <div key={c.id} className="db-db-row">
            <span className="db-db-label">{n.local(c.title)}</span>
            <span className="db-db-track">
              {ticks.map((v) => (
                <span key={v} className="db-db-grid" style={{ left: at(v) }} aria-hidden="true" />
              ))}
              {points.length > 1 && (
                <span
                  className={`db-db-span ${trend > 0 ? 'up' : trend < 0 ? 'down' : ''}`}
                  style={{ left: at(lo), width: `calc(${at(hi)} - ${at(lo)})` }}
                  aria-hidden="true"
                />
              )}
              {points.map((p) => (
                <span
                  key={p.attempt}
                  className={`db-db-dot${p.attempt === latest ? ' last' : ''}`}
                  style={{ left: at(p.v) }}
                  title={t('debrief.comparison.dot', { n: p.attempt, v: f.num(p.v, 2) })}
                  aria-hidden="true"
                >
                  {p.attempt}
                </span>
              ))}
            </span>
            <span className="db-db-values">
              {points.length === 0 ? '—' : points.map((p) => f.num(p.v, 2)).join(' → ')}{' '}
              {first && last && points.length > 1 && <Delta from={first.v} to={last.v} better="up" />}
            </span>
          </div>
        );
      })}
    </figure>
  );
}

const seconds = (ms: number) => Math.round(ms / 1000);
const same = (x: number) => x;

type Better = 'up' | 'down' | 'neutral';

function Delta({ from, to, better }: { from: number; to: number; better: Better }) {
  const { t } = useTranslation();
  if (from === to) return <span className="muted">{t('debrief.comparison.same')}</span>;
  const improved = better === 'up' ? to > from : to < from;
  const word =
    better === 'neutral'
      ? t(to > from ? 'debrief.comparison.more' : 'debrief.comparison.less')
      : t(improved ? 'debrief.comparison.better' : 'debrief.comparison.worse');
  return (
    <span className={better === 'neutral' ? 'muted' : improved ? 'db-ok' : 'db-over'}>
      <span aria-hidden="true">{to > from ? '▲' : '▼'}</span>
      <span className="visually-hidden">{word}</span>
    </span>
  );
}

/** Each trainee across attempts: competency means on the rubric's scale, and the key figures side by side. */
export function Comparison() {
  const { t } = useTranslation();
  const { view } = useDebrief();
  const n = useNames();
  const f = useFormat();
  const attempts = startedAttempts(view);
  const started = new Set(attempts);
  const earliest = attempts[0] ?? 1;
  const latest = attempts.at(-1) ?? 1;
  const comparison = view.comparison.filter((r) => started.has(r.attempt));
  const people = view.participants.filter((p) => comparison.some((r) => r.participantId === p.id));
  return (
    <Section
      id="comparison"
      title={t('debrief.comparison.title')}
      intro={t('debrief.comparison.intro')}
      testId="comparison"
    >
      <p className="db-legend-list">
        <span>
          <span className="db-db-dot legend">{earliest}</span> {t('debrief.comparison.legendFirst')}
        </span>
        <span>
          <span className="db-db-dot legend last">{latest}</span> {t('debrief.comparison.legendLast')}
        </span>
      </p>
      <div className="db-compare-grid">
        {people.map((p) => {
          const rows = comparison
            .filter((r) => r.participantId === p.id)
            .sort((a, b) => a.attempt - b.attempt);
          const first = rows[0];
          const last = rows.at(-1);
          const figures: {
            key: 'speakingMs' | 'turns' | 'overtimeMs' | 'pointsOfOrder';
            better: Better;
            fmt(v: number): string;
            /** Compared as shown: durations to the second. */
            round(v: number): number;
          }[] = [
            { key: 'speakingMs', better: 'neutral', fmt: f.duration, round: seconds },
            { key: 'turns', better: 'neutral', fmt: (v) => f.num(v), round: same },
            { key: 'overtimeMs', better: 'down', fmt: (v) => (v > 0 ? f.duration(v) : '—'), round: seconds },
            { key: 'pointsOfOrder', better: 'neutral', fmt: (v) => f.num(v), round: same },
          ];
          return (
            <article key={p.id} className="db-compare-card" aria-labelledby={`cmp-${p.id}`}>
              <h3 id={`cmp-${p.id}`}>
                {p.name}
                {last?.roleId && <span className="muted db-compare-role"> · {n.role(last.roleId)}</span>}
              </h3>
              <ScoreChart
                rows={rows}
                latest={latest}
                label={t('debrief.comparison.chartLabel', { name: p.name })}
              />
              <table className="db-table db-compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t('debrief.comparison.measure')}</th>
                    {rows.map((r) => (
                      <th key={r.attempt} scope="col" className="num">
                        {t('debrief.comparison.attemptShort', { n: r.attempt })}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      <span className="visually-hidden">{t('debrief.comparison.change')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {figures.map((fig) => (
                    <tr key={fig.key} className="db-figure-row">
                      <th scope="row">{t(`debrief.comparison.${fig.key}`)}</th>
                      {rows.map((r) => (
                        <td key={r.attempt} className="num">
                          {fig.fmt(r[fig.key])}
                        </td>
                      ))}
                      <td className="num">
                        {first && last && rows.length > 1 && (
                          <Delta
                            from={fig.round(first[fig.key])}
                            to={fig.round(last[fig.key])}
                            better={fig.better}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          );
        })}
      </div>
    </Section>
  );
}
