const STYLES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  scheduled: "bg-indigo-100 text-indigo-800",
  sending: "bg-blue-100 text-blue-800",
  paused: "bg-amber-100 text-amber-800",
  completed: "bg-green-100 text-green-800",
  canceled: "bg-slate-200 text-slate-700",
  failed: "bg-red-100 text-red-800",
};

/** A campaign status in the words of DESIGN.md, colored by what it asks of the reader. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.draft}`} data-testid="campaign-status">{status}</span>;
}
