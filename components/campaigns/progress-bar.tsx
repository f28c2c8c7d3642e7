import type { MessageState } from "@/lib/providers/types";

/** The lifecycle states grouped the way a reader asks about them, in the bar's order. */
export const STATE_GROUPS: { label: string; states: MessageState[]; color: string }[] = [
  { label: "Delivered", states: ["delivered"], color: "bg-green-500" },
  { label: "With the gateway", states: ["submitted", "sent"], color: "bg-blue-500" },
  { label: "Unknown", states: ["unknown"], color: "bg-amber-400" },
  { label: "Not delivered", states: ["undelivered", "failed", "expired", "rejected"], color: "bg-red-500" },
  { label: "Skipped or canceled", states: ["skipped", "canceled"], color: "bg-slate-400" },
  { label: "Waiting", states: ["queued", "sending"], color: "bg-slate-200" },
];

/** A stacked bar of a campaign's messages by state; the numbers are in the table beside it. */
export function ProgressBar({ counts, recipients, done }: { counts: Record<MessageState, number>; recipients: number; done: number }) {
  const percent = recipients > 0 ? Math.floor((done / recipients) * 100) : 0;
  return (
    <div>
      <div
        role="progressbar"
        aria-label="Messages with a known outcome"
        aria-valuemin={0}
        aria-valuemax={recipients}
        aria-valuenow={done}
        aria-valuetext={`${done.toLocaleString("en")} of ${recipients.toLocaleString("en")} (${percent}%)`}
        className="flex h-4 w-full overflow-hidden rounded bg-slate-100"
        data-testid="progress-bar"
      >
        {recipients > 0 &&
          STATE_GROUPS.map((g) => {
            const n = g.states.reduce((sum, s) => sum + counts[s], 0);
            return n > 0 ? <div key={g.label} className={g.color} style={{ width: `${(n / recipients) * 100}%` }} title={`${g.label}: ${n}`} /> : null;
          })}
      </div>
      <p className="mt-1 text-sm text-slate-600" data-testid="progress-text">
        {done.toLocaleString("en")} of {recipients.toLocaleString("en")} messages have an outcome ({percent}%)
      </p>
    </div>
  );
}
