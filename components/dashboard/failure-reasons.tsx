import type { FailureReason } from "@/lib/stats/failure-reasons";
import { STATE_MEANINGS } from "@/lib/stats/outcomes";
import { formatCount } from "./format";

/** Failure reasons grouped by our state, each with the gateway's own code and text. */
export function FailureReasons({ reasons }: { reasons: FailureReason[] }) {
  if (reasons.length === 0) return <p className="text-sm text-slate-600">No message failed, was refused or skipped.</p>;
  const states = [...new Set(reasons.map((r) => r.state))];
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="failure-reasons">
      <thead className="bg-slate-50 text-left">
        <tr><th scope="col" className="p-3">Gateway code</th><th scope="col" className="p-3">Gateway text</th><th scope="col" className="p-3 text-right">Messages</th></tr>
      </thead>
      {states.map((state) => (
        <tbody key={state}>
          <tr className="border-t border-slate-200 bg-slate-50">
            <th scope="rowgroup" colSpan={3} className="p-3 text-left"><span className="font-semibold">{state}</span> <span className="font-normal text-slate-600">— {STATE_MEANINGS[state]}</span></th>
          </tr>
          {reasons.filter((r) => r.state === state).map((r, i) => (
            <tr key={i} className="border-t border-slate-100">
              <td className="p-3 font-mono text-xs">{r.errorCode ?? "—"}</td>
              <td className="p-3">{r.errorText ?? "—"}</td>
              <td className="p-3 text-right tabular-nums">{formatCount(r.messages)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
