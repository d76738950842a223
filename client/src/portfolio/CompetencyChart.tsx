// One competency over time: an inline SVG line of its percentages, oldest
// on the left, each point labelled with its percentage, with the
// recency-weighted proficiency as a dashed line.
import { useTranslation } from 'react-i18next';
import type { CompetencyTrend } from '../../../shared/portfolio/portfolio.ts';

const W = 240;
const H = 90;
const PAD = 10;
/** Room above the line for the points' labels. */
const TOP = 18;

export function CompetencyChart({ trend, title }: { trend: CompetencyTrend; title: string }) {
  const { t } = useTranslation();
  const n = trend.points.length;
  const x = (i: number) => (n <= 1 ? W / 2 : 2 * PAD + (i * (W - 4 * PAD)) / (n - 1));
  const y = (pct: number) => H - PAD - (pct / 100) * (H - PAD - TOP);
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
      {/* Half a pixel in, so the frame's stroke is not cut at the edges. */}
      <rect
        x="0.5"
        y="0.5"
        width={W - 1}
        height={H - 1}
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.2"
      />
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
      {trend.points.map((p, i) => (
        <text key={`label-${p.attemptIndex}`} x={x(i)} y={y(p.percent) - 7} textAnchor="middle">
          {p.percent}%
        </text>
      ))}
    </svg>
  );
}
