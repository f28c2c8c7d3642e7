/** A labelled progress bar that screen readers announce. */
export function ProgressBar({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div>
      <div className="flex justify-between text-sm"><span id="progress-label">{label}</span><span>{percent}%</span></div>
      <div role="progressbar" aria-labelledby="progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={detail ? `${percent}%, ${detail}` : `${percent}%`} className="mt-1 h-3 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      {detail && <p className="mt-1 text-xs text-slate-600" aria-live="polite">{detail}</p>}
    </div>
  );
}
