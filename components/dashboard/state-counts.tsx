import type { MessageState } from "@/lib/providers/types";
import { MESSAGE_STATES } from "@/lib/delivery/states";
import { STATE_MEANINGS } from "@/lib/stats/outcomes";
import { formatCount } from "./format";

/** Messages by state, each with what the state means; states with no messages are left out. */
export function StateCounts({ counts, caption }: { counts: Partial<Record<MessageState, number>>; caption: string }) {
  const rows = MESSAGE_STATES.filter((s) => (counts[s] ?? 0) > 0);
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="state-counts">
      <caption className="p-3 text-left font-medium">{caption}</caption>
      <thead className="bg-slate-50 text-left">
        <tr><th scope="col" className="p-3">State</th><th scope="col" className="p-3">Meaning</th><th scope="col" className="p-3 text-right">Messages</th></tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={3} className="p-3 text-slate-500">No messages.</td></tr>}
        {rows.map((s) => (
          <tr key={s} className="border-t border-slate-200">
            <th scope="row" className="p-3 text-left font-medium">{s}</th>
            <td className="p-3 text-slate-600">{STATE_MEANINGS[s]}</td>
            <td className="p-3 text-right tabular-nums">{formatCount(counts[s] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
