"use client";

import type { ComposerList } from "./types";

interface Props {
  lists: ComposerList[];
  listIds: number[];
  excludeListIds: number[];
  onChange: (next: { listIds: number[]; excludeListIds: number[] }) => void;
  error?: string;
}

const toggle = (ids: number[], id: number, on: boolean) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id));

/** Lists to send to, and lists whose members are left out (a list cannot be both). */
export function AudiencePicker({ lists, listIds, excludeListIds, onChange, error }: Props) {
  return (
    <fieldset aria-describedby={error ? "audience-error" : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700">Audience</legend>
      {lists.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          There are no contact lists yet. <a className="text-brand-600 underline" href="/contacts">Import contacts</a> first.
        </p>
      ) : (
        <table className="mt-1 w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1 font-normal">List</th><th className="py-1 font-normal">Contacts</th><th className="py-1 font-normal">Send to</th><th className="py-1 font-normal">Leave out</th></tr>
          </thead>
          <tbody>
            {lists.map((list) => {
              const included = listIds.includes(list.id);
              const excluded = excludeListIds.includes(list.id);
              return (
                <tr key={list.id} className="border-t border-slate-100">
                  <td className="py-1">{list.name}</td>
                  <td className="py-1">{list.members.toLocaleString("en")}</td>
                  <td className="py-1">
                    <input
                      type="checkbox"
                      aria-label={`Send to ${list.name}`}
                      checked={included}
                      onChange={(e) => onChange({ listIds: toggle(listIds, list.id, e.target.checked), excludeListIds: toggle(excludeListIds, list.id, false) })}
                    />
                  </td>
                  <td className="py-1">
                    <input
                      type="checkbox"
                      aria-label={`Leave out members of ${list.name}`}
                      checked={excluded}
                      onChange={(e) => onChange({ excludeListIds: toggle(excludeListIds, list.id, e.target.checked), listIds: toggle(listIds, list.id, false) })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error && <p id="audience-error" className="mt-1 text-xs text-red-700">{error}</p>}
      <p className="mt-1 text-xs text-slate-500">Contacts who opted out stay on their lists but are skipped; the preview counts them.</p>
    </fieldset>
  );
}
