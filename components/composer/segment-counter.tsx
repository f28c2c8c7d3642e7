"use client";

import { checkMessageLimits, type MessageLimits } from "@/lib/campaigns/message-limits";
import { findNonGsmCharacters, replaceWithGsmEquivalents } from "@/lib/sms/gsm-equivalents";
import { countSegments } from "@/lib/sms/segments";

interface Props {
  /** The text as it will be sent (footer included). */
  text: string;
  /** The chosen account's limits, when there is one. */
  limits?: MessageLimits;
  /** Called with the text after GSM-7 look-alikes were put in; absent, no replacement is offered. */
  onReplace?: (replaced: string) => void;
  /** The text `onReplace` works on (without the footer); defaults to `text`. */
  editableText?: string;
  id?: string;
}

const ENCODING_LABEL = { GSM7: "GSM-7", UCS2: "UCS-2" } as const;

/**
 * The live count under a message box: characters, encoding and parts, computed by the engine's own
 * `countSegments`. When a few characters force UCS-2 it names them and offers their GSM-7 look-alikes,
 * because one curly quote can cut a part from 160 to 70 characters and double a campaign's cost.
 */
export function SegmentCounter({ text, limits, onReplace, editableText, id }: Props) {
  const count = countSegments(text);
  const culprits = count.encoding === "UCS2" ? findNonGsmCharacters(text) : [];
  const replaceable = culprits.filter((c) => c.replacement !== undefined);
  const { errors, warnings } = checkMessageLimits(text, count, limits);
  const source = editableText ?? text;
  const after = replaceable.length > 0 ? countSegments(replaceWithGsmEquivalents(text)) : undefined;

  return (
    <div id={id} className="mt-1 space-y-2 text-xs text-slate-600">
      <p role="status" data-testid="segment-counter">
        <span data-testid="counter-characters">{count.characters.toLocaleString("en")} characters</span>
        {" · "}
        <span data-testid="counter-encoding" className={count.encoding === "UCS2" ? "font-medium text-amber-700" : undefined}>
          {ENCODING_LABEL[count.encoding]}
        </span>
        {" · "}
        <span data-testid="counter-segments">
          {count.segments} {count.segments === 1 ? "segment" : "segments"}
        </span>
        {" "}
        <span className="text-slate-500">
          ({count.perSegment} per segment, {count.remaining} left in the last)
        </span>
      </p>
      {culprits.length > 0 && (
        <div className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-900" data-testid="ucs2-culprits">
          <p>
            {culprits.length === 1 ? "This character makes" : "These characters make"} the message UCS-2 ({count.perSegment} characters per segment instead of{" "}
            {count.perSegment === 70 ? 160 : 153}):
          </p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {culprits.map((c) => (
              <li key={c.char} className="rounded bg-white px-1.5 py-0.5 font-mono">
                <span aria-hidden="true">“{c.char}”</span> {c.name ?? c.codePoint}
                {c.name && <span className="sr-only"> ({c.codePoint})</span>}
                {c.count > 1 && ` ×${c.count}`}
                {c.replacement !== undefined && <span className="text-amber-700"> → “{c.replacement}”</span>}
              </li>
            ))}
          </ul>
          {onReplace && replaceable.length > 0 && (
            <button
              type="button"
              className="mt-2 rounded border border-amber-400 bg-white px-2 py-1 font-medium hover:bg-amber-100"
              onClick={() => onReplace(replaceWithGsmEquivalents(source))}
            >
              Replace with GSM-7 equivalents
              {after && ` (${ENCODING_LABEL[after.encoding]}, ${after.segments} ${after.segments === 1 ? "segment" : "segments"})`}
            </button>
          )}
          {replaceable.length < culprits.length && (
            <p className="mt-1">Characters without a GSM-7 look-alike (such as emoji) keep the message in UCS-2.</p>
          )}
        </div>
      )}
      {errors.map((e) => (
        <p key={e} role="alert" className="text-red-700">{e}</p>
      ))}
      {warnings.map((w) => (
        <p key={w} className="text-amber-800">{w}</p>
      ))}
    </div>
  );
}
