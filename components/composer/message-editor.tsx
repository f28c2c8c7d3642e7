"use client";

import { forwardRef, type TextareaHTMLAttributes, useId } from "react";
import type { MessageLimits } from "@/lib/campaigns/message-limits";
import { OPT_OUT_FOOTER, withOptOutFooter } from "@/lib/campaigns/opt-out-footer";
import { SegmentCounter } from "./segment-counter";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  /** The current text (react-hook-form's `watch`), for the counter. */
  text: string;
  error?: string;
  limits?: MessageLimits;
  /** Puts the GSM-7 look-alikes in (react-hook-form's `setValue`). */
  onReplace?: (replaced: string) => void;
  /** Merge fields the text may use, shown as a hint. */
  mergeFields?: string[];
  /** Whether the opt-out footer is added, and how to change it; absent, no footer is offered. */
  footer?: { checked: boolean; onChange: (checked: boolean) => void };
};

/** A labelled message box with the live segment counter under it; the counter counts the footer too. */
export const MessageEditor = forwardRef<HTMLTextAreaElement, Props>(function MessageEditor(
  { label, text, error, limits, onReplace, mergeFields, footer, id, ...textarea },
  ref,
) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const sent = withOptOutFooter(text, footer?.checked ?? false);
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">{label}</label>
      <textarea
        ref={ref}
        id={inputId}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error && `${inputId}-error`, `${inputId}-counter`, mergeFields && `${inputId}-fields`].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm aria-[invalid]:border-red-500"
        {...textarea}
      />
      {error && <p id={`${inputId}-error`} className="mt-1 text-xs text-red-700">{error}</p>}
      {footer && (
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={footer.checked} onChange={(e) => footer.onChange(e.target.checked)} />
          Add “{OPT_OUT_FOOTER}” on a new line
        </label>
      )}
      <SegmentCounter id={`${inputId}-counter`} text={sent} editableText={text} limits={limits} onReplace={onReplace} />
      {mergeFields && (
        <p id={`${inputId}-fields`} className="mt-1 text-xs text-slate-500">
          Merge fields: {mergeFields.map((f) => `{{${f}}}`).join(", ")}. Add a fallback for empty values: {"{{first_name|there}}"}. Counts are for the text as written; the preview shows rendered lengths.
        </p>
      )}
    </div>
  );
});
