// A site's visitors per day as a tiny line (the sites list): drawn as SVG,
// no chart library, so the dashboard's main bundle stays small.
const W = 84;
const H = 26;

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  const points = values.map((v, i) => [i * step, H - 2 - (v / max) * (H - 5)] as const);
  const line = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join('');
  const last = points.at(-1);
  return (
    <svg className="sparkline" viewBox={`-2 -2 ${W + 4} ${H + 4}`} width={W + 4} height={H + 4} role="img" aria-label={label}>
      <path className="sparkline-area" d={`${line}L${W} ${H}L0 ${H}Z`} />
      <path className="sparkline-line" d={line} />
      {last && <circle className="sparkline-dot" cx={last[0]} cy={last[1]} r="2.2" />}
    </svg>
  );
}
