import { formatCount, formatMoney } from "@/components/dashboard/format";
import type { RecipientRow } from "@/lib/stats/recipients";
import { formatDateTime } from "@/lib/time/format";

/** One page of a campaign's per-recipient results. */
export function RecipientsTable({ rows, timeZone, currency }: { rows: RecipientRow[]; timeZone: string; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="recipients-table">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="p-3">Number</th><th scope="col" className="p-3">Name</th><th scope="col" className="p-3">State</th>
            <th scope="col" className="p-3">Gateway code and text</th><th scope="col" className="p-3">Handed over</th><th scope="col" className="p-3">Final</th>
            <th scope="col" className="p-3 text-right">Segments</th><th scope="col" className="p-3 text-right">Cost</th><th scope="col" className="p-3 text-right">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className="p-3 font-mono text-xs">{r.destination}</td>
              <td className="p-3">{r.name || "—"}</td>
              <td className="p-3">{r.state}{r.skipReason && <span className="text-slate-500"> ({r.skipReason})</span>}</td>
              <td className="p-3">{[r.errorCode, r.errorText].filter(Boolean).join(": ") || "—"}</td>
              <td className="p-3 whitespace-nowrap">{formatDateTime(r.submittedAt, timeZone)}</td>
              <td className="p-3 whitespace-nowrap">{formatDateTime(r.finalAt, timeZone)}</td>
              <td className="p-3 text-right tabular-nums">{formatCount(r.segments)}</td>
              <td className="p-3 text-right tabular-nums">{r.cost === null ? "—" : formatMoney(r.cost, currency)}</td>
              <td className="p-3 text-right tabular-nums">{r.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
