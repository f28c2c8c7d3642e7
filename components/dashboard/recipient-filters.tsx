import { Button } from "@/components/button";
import { MESSAGE_STATES } from "@/lib/delivery/states";
import type { RecipientFilter } from "@/lib/stats/recipients";

/** The report table's filters: a plain GET form, applied on the server. */
export function RecipientFilters({ filter }: { filter: RecipientFilter }) {
  const input = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-4" aria-label="Recipient filters">
      <label className="text-sm font-medium text-slate-700">
        State
        <select name="state" defaultValue={filter.state ?? ""} className={input}>
          <option value="">Any state</option>
          {MESSAGE_STATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Number contains
        <input name="q" defaultValue={filter.q ?? ""} inputMode="tel" pattern="\+?[0-9]*" title="Digits, optionally starting with +" className={input} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Gateway code
        <input name="code" defaultValue={filter.code ?? ""} className={input} />
      </label>
      <Button type="submit" variant="secondary">Filter</Button>
    </form>
  );
}
