import type { FunnelStep } from "@/lib/stats/campaign-report";
import { formatCount } from "./format";

/** Recipients → handed over → passed on → delivered, each bar as a share of the recipients. */
export function Funnel({ steps }: { steps: FunnelStep[] }) {
  const base = Math.max(1, steps[0]?.messages ?? 1);
  return (
    <ol className="space-y-2" data-testid="funnel">
      {steps.map((step) => {
        const share = step.messages / base;
        return (
          <li key={step.key} className="grid grid-cols-[8rem_1fr_7rem] items-center gap-3 text-sm">
            <span className="font-medium">{step.label}</span>
            <span className="h-4 rounded bg-slate-100" aria-hidden>
              <span className="block h-4 rounded bg-brand-600" style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
            <span className="text-right tabular-nums">
              {formatCount(step.messages)} <span className="text-slate-500">({(share * 100).toFixed(1)}%)</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
