/**
 * A small bar chart of one or two series over time, drawn in SVG on the server (recharts is not
 * installed). Screen readers get the figures as a table instead of the drawing.
 */
export interface ChartSeries {
  key: string;
  label: string;
  /** A Tailwind fill class, e.g. `fill-brand-600`. */
  fillClass: string;
  swatchClass: string;
}

export interface ChartPoint {
  label: string;
  values: Record<string, number>;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 48 };

/** A round axis maximum at or above `max` (1, 2 or 5 × a power of ten). */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max)!;
}

export function SeriesChart({ title, series, points, testId }: { title: string; series: ChartSeries[]; points: ChartPoint[]; testId?: string }) {
  const max = niceMax(Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.max(1, (slot * 0.8) / series.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const ticks = [0, max / 2, max];

  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm font-medium">
        <span>{title}</span>
        <span className="flex gap-4 font-normal text-slate-600">
          {series.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1">
              <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${s.swatchClass}`} />
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden focusable="false">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="fill-slate-500 text-[11px]">
              {t.toLocaleString("en")}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={i}>
            {series.map((s, j) => {
              const v = p.values[s.key] ?? 0;
              return <rect key={s.key} x={PAD.left + i * slot + slot * 0.1 + j * barW} y={y(v)} width={barW} height={Math.max(0, PAD.top + plotH - y(v))} className={s.fillClass} />;
            })}
            {i % labelEvery === 0 && (
              <text x={PAD.left + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">
                {p.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{p.label}</th>
              {series.map((s) => <td key={s.key}>{(p.values[s.key] ?? 0).toLocaleString("en")}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
