import type { ContactFilter } from "@/lib/contacts/contacts.schema";

/** The contacts search and filters: a plain GET form, so results are linkable and work without scripts. */
export function ContactFilters({ filter, lists, countries }: { filter: ContactFilter; lists: { id: number; name: string }[]; countries: string[] }) {
  const select = "mt-1 block rounded-md border border-slate-300 px-2 py-2 text-sm";
  return (
    <form role="search" method="get" action="/contacts" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-56 flex-1">
        <label htmlFor="contact-search" className="block text-sm font-medium text-slate-700">Search</label>
        <input id="contact-search" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Name or number" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <div>
        <label htmlFor="contact-list" className="block text-sm font-medium text-slate-700">List</label>
        <select id="contact-list" name="listId" defaultValue={filter.listId ?? ""} className={select}>
          <option value="">All lists</option>
          {lists.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="contact-optout" className="block text-sm font-medium text-slate-700">Opted out</label>
        <select id="contact-optout" name="optedOut" defaultValue={filter.optedOut ?? ""} className={select}>
          <option value="">Any</option>
          <option value="no">Subscribed</option>
          <option value="yes">Opted out</option>
        </select>
      </div>
      <div>
        <label htmlFor="contact-country" className="block text-sm font-medium text-slate-700">Country</label>
        <select id="contact-country" name="country" defaultValue={filter.country ?? ""} className={select}>
          <option value="">Any</option>
          {countries.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">Search</button>
    </form>
  );
}
