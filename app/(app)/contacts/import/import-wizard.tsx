"use client";

import Papa from "papaparse";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/button";
import { ImportReport } from "@/components/contacts/import-report";
import { ProgressBar } from "@/components/contacts/progress-bar";
import { DELIMITERS, type Delimiter, detectDialect, detectEncoding, ENCODINGS, type FileEncoding, SAMPLE_BYTES } from "@/lib/contacts/csv-dialect";
import { fieldKeyFromHeader, guessMapping } from "@/lib/contacts/import-mapping";
import { startImportSchema, type StartImportInput } from "@/lib/contacts/import.schema";
import { type ImportReportJson, uploadImport, type UploadProgress } from "@/lib/contacts/upload-import";

interface Props {
  lists: { id: number; name: string }[];
  fields: { key: string; label: string }[];
  countries: { code: string; name: string }[];
}

/** What a column becomes: nothing, a contact field, an existing custom field, or a new one. */
type Target = "" | "phone" | "firstName" | "lastName" | "optOut" | `field:${string}` | "new";
const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "Comma", ";": "Semicolon", "\t": "Tab", "|": "Pipe" };
const select = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm";

export function ImportWizard({ lists, fields, countries }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [sample, setSample] = useState<string>("");
  const [encoding, setEncoding] = useState<FileEncoding>("utf-8");
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [delimiter, setDelimiter] = useState<Delimiter>(",");
  const [hasHeader, setHasHeader] = useState(true);
  const [targets, setTargets] = useState<Target[]>([]);
  const [newKeys, setNewKeys] = useState<Record<number, string>>({});
  const [defaultCountry, setDefaultCountry] = useState<string>("");
  const [list, setList] = useState<string>("none");
  const [newListName, setNewListName] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ImportReportJson | null>(null);
  const stop = useRef(false);

  const rows = useMemo(() => (sample ? Papa.parse<string[]>(sample, { delimiter, preview: 8 }).data.filter((r) => r.some((c) => c.trim())) : []), [sample, delimiter]);
  const header = hasHeader ? (rows[0] ?? null) : null;
  const body = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(0, ...rows.map((r) => r.length));

  function decode(data: Uint8Array, enc: FileEncoding, complete: boolean) {
    const text = new TextDecoder(enc).decode(data);
    // A cut last line would show as a broken row in the preview.
    return complete ? text : text.slice(0, Math.max(text.lastIndexOf("\n"), 0));
  }

  async function pick(picked: File | undefined) {
    setReport(null);
    setErrors([]);
    if (!picked) return setFile(null);
    const data = new Uint8Array(await picked.slice(0, SAMPLE_BYTES).arrayBuffer());
    const complete = picked.size <= SAMPLE_BYTES;
    const enc = detectEncoding(data, complete);
    const text = decode(data, enc, complete);
    const dialect = detectDialect(text);
    const head = dialect.hasHeader ? dialect.preview[0] : null;
    const guess = guessMapping(head, dialect.hasHeader ? dialect.preview.slice(1) : dialect.preview);
    const cols = Math.max(0, ...dialect.preview.map((r) => r.length));
    const initial: Target[] = Array.from({ length: cols }, () => "");
    (["phone", "firstName", "lastName", "optOut"] as const).forEach((t) => {
      const c = guess[t];
      if (typeof c === "number") initial[c] = t;
    });
    setFile(picked);
    setBytes(data);
    setEncoding(enc);
    setSample(text);
    setDelimiter(dialect.delimiter);
    setHasHeader(dialect.hasHeader);
    setTargets(initial);
    setNewKeys({});
  }

  function buildInput(): StartImportInput {
    const mapping: { phone: number; firstName: number | null; lastName: number | null; optOut: number | null; fields: { column: number; key: string }[] } = { phone: -1, firstName: null, lastName: null, optOut: null, fields: [] };
    const newFields: { key: string; label: string }[] = [];
    targets.forEach((t, column) => {
      if (t === "phone") mapping.phone = column;
      else if (t === "firstName" || t === "lastName" || t === "optOut") mapping[t] = column;
      else if (t.startsWith("field:")) mapping.fields.push({ column, key: t.slice(6) });
      else if (t === "new") {
        const key = newKeys[column] ?? fieldKeyFromHeader(header?.[column] ?? `column ${column + 1}`);
        mapping.fields.push({ column, key });
        newFields.push({ key, label: header?.[column] || key });
      }
    });
    return {
      fileName: file!.name,
      hasHeader,
      header,
      defaultCountry: defaultCountry || null,
      mapping,
      newFields,
      list: list === "none" ? { kind: "none" } : list === "new" ? { kind: "new", name: newListName } : { kind: "existing", id: Number(list) },
    };
  }

  async function start() {
    if (!file) return;
    const input = buildInput();
    if (input.mapping.phone < 0) return setErrors(["Choose the column that holds the phone numbers."]);
    const parsed = startImportSchema.safeParse(input);
    if (!parsed.success) return setErrors(parsed.error.issues.map((i) => `${i.path.join(" › ") || "Import"}: ${i.message}`));
    setErrors([]);
    stop.current = false;
    setRunning(true);
    setProgress({ bytesRead: 0, totalBytes: file.size, rowsSent: 0 });
    try {
      setReport(await uploadImport(file, input, { encoding, delimiter, hasHeader }, { onProgress: setProgress, shouldStop: () => stop.current }));
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
    } finally {
      setRunning(false);
    }
  }

  const columnName = (c: number) => (header?.[c] ? `${header[c]} (column ${c + 1})` : `Column ${c + 1}`);

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-lg font-medium">1. Choose a file</h2>
        <label htmlFor="import-file" className="mt-3 block text-sm font-medium text-slate-700">CSV file</label>
        <input id="import-file" type="file" accept=".csv,.txt,.tsv,text/csv" disabled={running} onChange={(e) => pick(e.target.files?.[0])} className="mt-1 block text-sm" data-testid="import-file" />
        {file && (
          <div className="mt-4 grid gap-4 sm:grid-cols-3">
            <div>
              <label htmlFor="import-encoding" className="block text-sm font-medium text-slate-700">Encoding</label>
              <select id="import-encoding" value={encoding} disabled={running} onChange={(e) => { const enc = e.target.value as FileEncoding; setEncoding(enc); if (bytes) setSample(decode(bytes, enc, file.size <= SAMPLE_BYTES)); }} className={select}>
                {ENCODINGS.map((e) => <option key={e} value={e}>{e === "utf-8" ? "UTF-8" : "Windows-1252 / Latin-1"}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="import-delimiter" className="block text-sm font-medium text-slate-700">Delimiter</label>
              <select id="import-delimiter" value={delimiter} disabled={running} onChange={(e) => setDelimiter(e.target.value as Delimiter)} className={select}>
                {DELIMITERS.map((d) => <option key={d} value={d}>{DELIMITER_LABELS[d]}</option>)}
              </select>
            </div>
            <label className="mt-6 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={hasHeader} disabled={running} onChange={(e) => setHasHeader(e.target.checked)} /> First row is a header
            </label>
          </div>
        )}
      </section>

      {file && (
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-medium">2. Map the columns</h2>
          <p className="text-sm text-slate-600">The first rows of {file.name}. Say what each column holds; unmapped columns are ignored.</p>
          <div className="mt-3 overflow-x-auto">
            <table className="text-sm" data-testid="import-preview">
              <thead>
                <tr>
                  {Array.from({ length: width }, (_, c) => (
                    <th key={c} className="min-w-40 p-2 text-left align-top">
                      <label htmlFor={`map-${c}`} className="block font-medium">{columnName(c)}</label>
                      <select
                        id={`map-${c}`}
                        value={targets[c] ?? ""}
                        disabled={running}
                        onChange={(e) => setTargets((t) => { const next = [...t]; next[c] = e.target.value as Target; return next; })}
                        className={select}
                      >
                        <option value="">Ignore</option>
                        <option value="phone">Phone number</option>
                        <option value="firstName">First name</option>
                        <option value="lastName">Last name</option>
                        <option value="optOut">Opted out (yes/no)</option>
                        {fields.map((f) => <option key={f.key} value={`field:${f.key}`}>Field: {f.label}</option>)}
                        <option value="new">New custom field…</option>
                      </select>
                      {targets[c] === "new" && (
                        <>
                          <label htmlFor={`new-key-${c}`} className="mt-1 block text-xs text-slate-600">Field name (for {"{{name}}"})</label>
                          <input id={`new-key-${c}`} value={newKeys[c] ?? fieldKeyFromHeader(header?.[c] ?? `column ${c + 1}`)} onChange={(e) => setNewKeys((k) => ({ ...k, [c]: e.target.value }))} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-xs" />
                        </>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {body.slice(0, 5).map((row, r) => (
                  <tr key={r} className="border-t border-slate-200">
                    {Array.from({ length: width }, (_, c) => <td key={c} className="max-w-48 truncate p-2">{row[c] ?? ""}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor="import-country" className="block text-sm font-medium text-slate-700">Default country</label>
              <select id="import-country" value={defaultCountry} disabled={running} onChange={(e) => setDefaultCountry(e.target.value)} className={select} aria-describedby="import-country-hint">
                <option value="">None: every number must start with +country code</option>
                {countries.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.code})</option>)}
              </select>
              <p id="import-country-hint" className="mt-1 text-xs text-slate-500">Used for numbers written without a country code, e.g. 06 12 34 56 78.</p>
            </div>
            <div>
              <label htmlFor="import-list" className="block text-sm font-medium text-slate-700">Add the contacts to</label>
              <select id="import-list" value={list} disabled={running} onChange={(e) => setList(e.target.value)} className={select}>
                <option value="none">No list</option>
                {lists.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
                <option value="new">A new list…</option>
              </select>
              {list === "new" && (
                <>
                  <label htmlFor="import-new-list" className="mt-2 block text-sm font-medium text-slate-700">New list name</label>
                  <input id="import-new-list" value={newListName} onChange={(e) => setNewListName(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
                </>
              )}
            </div>
          </div>
        </section>
      )}

      {file && (
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-medium">3. Import</h2>
          {errors.length > 0 && (
            <ul role="alert" className="mt-2 list-disc pl-5 text-sm text-red-700" data-testid="import-errors">
              {errors.map((e) => <li key={e}>{e}</li>)}
            </ul>
          )}
          {progress && running && (
            <div className="mt-3">
              <ProgressBar label="Importing" value={progress.totalBytes ? progress.bytesRead / progress.totalBytes : 0} detail={`${progress.rowsSent.toLocaleString("en")} rows sent`} />
            </div>
          )}
          <div className="mt-4 flex gap-2">
            <Button type="button" onClick={start} disabled={running}>{running ? "Importing…" : "Import contacts"}</Button>
            {running && <Button type="button" variant="secondary" onClick={() => { stop.current = true; }}>Cancel import</Button>}
          </div>
        </section>
      )}

      {report && <ImportReport report={{ ...report, lastActivity: new Date(report.lastActivityAt).toLocaleString() }} />}
    </div>
  );
}
