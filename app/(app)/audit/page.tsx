import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { type AuditFilter, auditActions, auditFilterSchema, listAuditLog } from "@/lib/audit/audit-log";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queryOf(filter: AuditFilter): string {
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

export default async function AuditPage({ searchParams }: Props) {
  const me = await requirePageUser(ADMINS);
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const [page, actions, users] = await Promise.all([
    listAuditLog(db(), filter, me.timezone),
    auditActions(db()),
    db().user.findMany({ select: { id: true, email: true }, orderBy: { email: "asc" } }),
  ]);
  const families = [...new Set(actions.map((a) => `${a.split(".")[0]}.`))];
  const withoutCursor: AuditFilter = { ...filter, before: undefined };
  const input = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what, newest first. Times in ${me.timezone}.`}
        actions={<a href={`/api/reports/audit${queryOf(withoutCursor)}`} className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50" download>Export CSV</a>}
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Audit log filters">
        <label className="text-sm font-medium text-slate-700">
          Action
          <select name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">Any action</option>
            {families.map((f) => <option key={f} value={f}>all {f.slice(0, -1)} actions</option>)}
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          User
          <select name="userId" defaultValue={filter.userId ?? ""} className={input}>
            <option value="">Anyone</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.email}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">From<input type="date" name="from" defaultValue={filter.from} className={input} /></label>
        <label className="text-sm font-medium text-slate-700">To<input type="date" name="to" defaultValue={filter.to} className={input} /></label>
        <Button type="submit" variant="secondary">Filter</Button>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title="No entries match">Sign-ins, user, provider and campaign changes, opt-outs and exports are recorded here as they happen.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="audit-table">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="p-3">Time</th><th scope="col" className="p-3">Action</th><th scope="col" className="p-3">By</th>
                <th scope="col" className="p-3">Target</th><th scope="col" className="p-3">Details</th><th scope="col" className="p-3">IP</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <td className="p-3 whitespace-nowrap">{formatDateTime(r.createdAt, me.timezone)}</td>
                  <td className="p-3 font-mono text-xs">{r.action}</td>
                  <td className="p-3">{r.actor}</td>
                  <td className="p-3">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : "—"}</td>
                  <td className="p-3 max-w-md break-words font-mono text-xs">{r.details || "—"}</td>
                  <td className="p-3">{r.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit log pages" className="mt-3 flex gap-4 text-sm">
        {filter.before !== undefined && <Link className="underline" href={`/audit${queryOf(withoutCursor)}`}>Newest</Link>}
        {page.nextBefore !== null && <Link className="underline" href={`/audit${queryOf({ ...withoutCursor, before: page.nextBefore })}`}>Older entries</Link>}
      </nav>
    </>
  );
}
