/** An import's outcome: what was read, created, updated, skipped as duplicates and rejected (with why). */
export interface ImportReportView {
  id: number;
  fileName: string;
  status: string;
  interrupted: boolean;
  listId: number | null;
  listName: string | null;
  rowsRead: number;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  chunksDone: number;
  error: string | null;
  reasons: { reason: string; count: number }[];
  /** Already formatted in the user's timezone. */
  lastActivity: string;
}

const STATUS: Record<string, string> = {
  completed: "Import finished.",
  canceled: "Import canceled: the rows counted below were imported before it stopped.",
  failed: "Import failed: the rows counted below were imported before it stopped.",
  running: "Import in progress.",
  pending: "Import not started.",
};

export function ImportReport({ report }: { report: ImportReportView }) {
  const n = (v: number) => v.toLocaleString("en");
  const status = report.interrupted
    ? `Import interrupted (no data since ${report.lastActivity}): the first ${n(report.rowsRead)} rows were imported; the rest of the file was not.`
    : STATUS[report.status] ?? report.status;
  return (
    <section aria-labelledby="import-report-title" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="import-report">
      <h2 id="import-report-title" className="text-lg font-medium">Report: {report.fileName}</h2>
      <p role="status" className="mt-1 text-sm text-slate-700" data-testid="import-status">{status}</p>
      {report.error && <p className="mt-1 text-sm text-red-700">{report.error}</p>}
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
        {[
          ["Rows read", report.rowsRead, "rows-read"],
          ["Contacts created", report.created, "created"],
          ["Contacts updated", report.updated, "updated"],
          ["Duplicates in file", report.duplicates, "duplicates"],
          ["Rows rejected", report.rejected, "rejected"],
        ].map(([label, value, id]) => (
          <div key={id as string}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-xl font-semibold" data-testid={`report-${id}`}>{n(value as number)}</dd>
          </div>
        ))}
      </dl>
      {report.listName && <p className="mt-3 text-sm">Added to the list <a className="text-brand-700 underline" href={`/contacts?listId=${report.listId}`}>{report.listName}</a>.</p>}
      {report.rejected > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-medium">Why rows were rejected</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {report.reasons.map((r) => <li key={r.reason}>{r.reason}: {n(r.count)}</li>)}
          </ul>
          <a href={`/api/imports/${report.id}/rejected`} download className="mt-3 inline-block rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50" data-testid="download-rejected">
            Download rejected rows (CSV)
          </a>
        </div>
      )}
    </section>
  );
}
