"use client";

import { useState } from "react";

export interface WebhookUrlItem {
  label: string;
  url: string;
  hint: string;
}

/** The URLs to paste into a vendor's portal, each with a copy button whose result is announced. */
export function WebhookUrls({ items }: { items: WebhookUrlItem[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (item: WebhookUrlItem) => {
    try {
      await navigator.clipboard.writeText(item.url);
      setCopied(`${item.label} URL copied.`);
    } catch {
      // clipboard access refused (insecure origin, permissions): the URL stays selectable in the field
      setCopied("Copying is not allowed here; select the URL and copy it by hand.");
    }
  };
  return (
    <div>
      <dl className="space-y-4" data-testid="webhook-urls">
        {items.map((item) => (
          <div key={item.label}>
            <dt className="text-sm font-medium text-slate-700">{item.label}</dt>
            <dd className="mt-1">
              <div className="flex gap-2">
                <input
                  readOnly
                  value={item.url}
                  aria-label={`${item.label} URL`}
                  onFocus={(e) => e.currentTarget.select()}
                  className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
                />
                <button type="button" onClick={() => copy(item)} className="shrink-0 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50">
                  Copy<span className="sr-only"> {item.label} URL</span>
                </button>
              </div>
              <p className="mt-1 text-xs text-slate-500">{item.hint}</p>
            </dd>
          </div>
        ))}
      </dl>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-700">{copied}</p>
    </div>
  );
}
