// One competency over time: an inline SVG line of its percentages, oldest
// on the left, with the recency-weighted proficiency as a dashed line.
import { useTranslation } from 'react-i18next';
import type { CompetencyTrend } from '../../../shared/portfolio/portfolio.ts';

const W = 240;
const H = 80;
const PAD = 8;

export function CompetencyChart({ trend, title }: { trend: CompetencyTrend; title: string }) {
  const { t } = useTranslation();
  const n = trend.points.length;
  const x = (i: number) => (n <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const y = (pct: number) => H - PAD - (pct / 100) * (H - 2 * PAD);
  const path = trend.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`)
    .join(' ');
  const label = t('portfolio.chartLabel', {
    title,
    points: trend.points.map((p) => `${p.percent}%`).join(', '),
    proficiency: trend.proficiency ?? '—',
  });
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={label}
      className="portfolio-chart"
    >
      <rect x="0" y="0" width={W} height={H} fill="none" stroke="currentColor" strokeOpacity="0.2" />
      {trend.proficiency !== null && (
        <line
          x1={PAD}
          x2={W - PAD}
          y1={y(trend.proficiency)}
          y2={y(trend.proficiency)}
          stroke="currentColor"
          strokeDasharray="4 3"
          strokeOpacity="0.6"
        />
      )}
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2" />
      {trend.points.map((p, i) => (
        <circle key={p.attemptIndex} cx={x(i)} cy={y(p.percent)} r="3" fill="currentColor" />
      ))}
    </svg>
  );
}
