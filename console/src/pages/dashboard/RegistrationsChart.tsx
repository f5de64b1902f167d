import type { DailyCount } from '../../contracts';
import { useI18n } from '../../i18n';

const W = 720;
const H = 220;
const PAD = { top: 16, right: 12, bottom: 28, left: 36 };

/** The smallest of 1, 2, 5, 10, 20, 50… at or above `max`, so the axis reads in round numbers. */
function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * magnitude >= max) ?? 10;
  return step * magnitude;
}

/**
 * Terminal users created per day, as hand-drawn SVG bars (a chart library would triple the page's size
 * for thirty rectangles). Every bar has a `<title>` tooltip and `data-day`/`data-count`; the whole chart
 * has a text summary for screen readers.
 */
export function RegistrationsChart({ days }: { days: DailyCount[] }) {
  const { t } = useI18n();
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const top = niceCeiling(Math.max(0, ...days.map((d) => d.count)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const band = days.length > 0 ? innerW / days.length : innerW;
  const barW = Math.max(2, band * 0.64);
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const ticks = top === 1 ? [0, 1] : [0, top / 2, top];
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  const summary = t('dashboard.chart.summary', { days: days.length, total });

  return (
    <figure id="dashboard-chart" className="reg-chart" data-total={total}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <desc>{summary}</desc>
        {ticks.map((v) => (
          <g key={v} className="reg-chart__tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * band + (band - barW) / 2;
          const h = (d.count / top) * innerH;
          return (
            <g key={d.day}>
              <rect className="reg-chart__bar" data-day={d.day} data-count={d.count} x={x} y={y(d.count)} width={barW} height={Math.max(h, d.count > 0 ? 1 : 0)} rx={2}>
                <title>{t('dashboard.chart.bar', { day: d.day, count: d.count })}</title>
              </rect>
              {/* an invisible full-height target, so a zero day still shows its tooltip */}
              <rect className="reg-chart__hit" x={PAD.left + i * band} y={PAD.top} width={band} height={innerH}>
                <title>{t('dashboard.chart.bar', { day: d.day, count: d.count })}</title>
              </rect>
              {i % labelEvery === 0 || i === days.length - 1 ? (
                <text className="reg-chart__label" x={PAD.left + i * band + band / 2} y={H - 8} textAnchor="middle">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
