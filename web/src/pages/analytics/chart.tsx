// The time series of the selected figure, drawn with uPlot (MIT, ~50 KB
// minified, canvas: fast at any number of points), with the previous period
// as a dashed line and a tooltip that follows the pointer. The canvas is for
// the eye: the same figures are in a table right below it, for everyone.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { bucketLabel, METRICS, tickLabel, type Metric } from './model';

export interface ChartPoint {
  period: string;
  value: number;
}

interface Props {
  metric: Metric;
  current: ChartPoint[];
  /** The period before, bucket by bucket (null when there is nothing to compare). */
  previous: ChartPoint[] | null;
}

const ACCENT = '#4f46e5';
const PREVIOUS = '#9d9daa';
const AXIS = { stroke: '#62626d', font: '12px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' };
const GRID = { stroke: '#ececf0', width: 1 };

/** Tick steps per figure: whole visitors, tenths of a bounce rate, round durations. */
const INCREMENTS: Record<Metric, number[]> = {
  visitors: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000],
  visits: [],
  pageviews: [],
  bounceRate: [0.1, 0.2, 0.25, 0.5],
  visitDuration: [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200],
};
INCREMENTS.visits = INCREMENTS.pageviews = INCREMENTS.visitors;

function topOf(metric: Metric, max: number): number {
  if (metric === 'bounceRate') return 1;
  if (max <= 0) return metric === 'visitDuration' ? 60 : 4;
  const step = INCREMENTS[metric].find((i) => max / i <= 5) ?? max;
  return Math.ceil((max * 1.1) / step) * step;
}

interface Hover {
  idx: number;
  left: number;
}

export function TimeChart({ metric, current, previous }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const format = METRICS.find((m) => m.key === metric)!.format;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const n = current.length;
    const xs = current.map((_, i) => i);
    const prev = previous ? xs.map((i) => previous[i]?.value ?? null) : null;
    const max = Math.max(0, ...current.map((p) => p.value), ...(prev ?? []).map((v) => v ?? 0));
    const narrow = el.clientWidth < 520;
    const opts: uPlot.Options = {
      width: el.clientWidth,
      height: narrow ? 200 : 260,
      // Room on the right for the last day's label, centred under the last point.
      padding: [12, 26, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 8, width: 2, fill: '#fff' }, y: false },
      scales: { x: { time: false, range: n > 1 ? [0, n - 1] : [-0.5, 0.5] }, y: { range: () => [0, topOf(metric, max)] } },
      axes: [
        {
          ...AXIS,
          grid: { show: false },
          ticks: { show: false },
          gap: 8,
          splits: (u) => {
            const room = Math.max(2, Math.floor(u.bbox.width / devicePixelRatio / (current[0]?.period.length === 10 ? 64 : 52)));
            const step = Math.max(1, Math.ceil(n / room));
            return xs.filter((i) => i % step === 0);
          },
          values: (_u, splits) => splits.map((i) => (current[i] ? tickLabel(current[i]!.period) : '')),
        },
        {
          ...AXIS,
          grid: GRID,
          ticks: { show: false },
          size: metric === 'visitDuration' ? 64 : 48,
          incrs: INCREMENTS[metric],
          values: (_u, splits) => splits.map((v) => format(v)),
        },
      ],
      series: [
        {},
        {
          label: 'This period',
          stroke: ACCENT,
          width: 2,
          fill: (u) => {
            const g = u.ctx.createLinearGradient(0, u.bbox.top, 0, u.bbox.top + u.bbox.height);
            g.addColorStop(0, 'rgba(79, 70, 229, 0.16)');
            g.addColorStop(1, 'rgba(79, 70, 229, 0)');
            return g;
          },
          // Dots on each value while they have room to stay apart.
          points: { show: n <= 31 && el.clientWidth / n >= 18, size: 5, fill: ACCENT },
        },
        ...(prev ? [{ label: 'Previous period', stroke: PREVIOUS, width: 1.5, dash: [5, 5], points: { show: false } }] : []),
      ],
      hooks: {
        setCursor: [
          (u) => {
            const idx = u.cursor.idx;
            setHover(idx === null || idx === undefined ? null : { idx, left: u.valToPos(idx, 'x') + u.over.offsetLeft });
          },
        ],
      },
    };
    const data = (prev ? [xs, current.map((p) => p.value), prev] : [xs, current.map((p) => p.value)]) as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    plot.current = u;
    const resize = new ResizeObserver(() => {
      if (el.clientWidth && el.clientWidth !== u.width) u.setSize({ width: el.clientWidth, height: el.clientWidth < 520 ? 200 : 260 });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
      setHover(null);
    };
  }, [metric, current, previous, format]);

  const point = hover ? current[hover.idx] : undefined;
  const before = hover && previous ? previous[hover.idx] : undefined;
  const width = box.current?.clientWidth ?? 0;
  return (
    <div className="an-chart" aria-hidden="true">
      <div ref={box} className="an-chart-canvas" />
      {hover && point && (
        <div className={`an-tooltip${hover.left > width / 2 ? ' is-left' : ''}`} style={{ left: hover.left }}>
          <p className="an-tooltip-row">
            <span className="an-swatch" />
            <span className="an-tooltip-when">{bucketLabel(point.period)}</span>
            <strong>{format(point.value)}</strong>
          </p>
          {before && (
            <p className="an-tooltip-row is-previous">
              <span className="an-swatch" />
              <span className="an-tooltip-when">{bucketLabel(before.period)}</span>
              <strong>{format(before.value)}</strong>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
