/**
 * What an OGANGI (Messangi) account stores: credentials (encrypted at rest by the app) and options, validated
 * with zod. Options cover the readings the document leaves open (README.md, "Ambiguities").
 */
import { z } from "zod";
import type { AccountSettings } from "../types";
import { isKnownTimeZone } from "../shared/wall-clock";

/** A value placed in a URL path segment: non-empty, no slash (it would shift every later parameter). */
const segment = z.string().min(1).refine((value) => !value.includes("/"), "cannot contain /");

export const ogangiCredentialsSchema = z.object({
  /** The workspace ("instance") id. */
  instanceId: segment,
  /** Sent in every URL. */
  publicKey: segment,
  /** Only signs; never sent. */
  privateKey: z.string().min(1),
});

export const ogangiOptionsSchema = z
  .object({
    /**
     * `sendSMS` (tools API: replies with the message id and its status), `sendMT` (Campaign Manager: replies
     * with no id, so no status tracking) or `sendMTWithFlags` (sendMT plus the `flags` segment).
     */
    sendMethod: z.enum(["sendSMS", "sendMT", "sendMTWithFlags"]).default("sendSMS"),
    /** Carrier segment: the operator, or `null` to let the Campaign Manager choose (documented for sendMT). */
    carrier: segment.default("null"),
    /** The `flags` segment of sendMTWithFlags ("additional flags to be used by a backend job"). */
    flags: segment.optional(),
    /**
     * Poll `tools/getMessage` for outbound status. Off by default: the method is in Messangi's public wiki,
     * not in our document. Needs `sendSMS` (sendMT returns no id).
     */
    statusPolling: z.boolean().default(false),
    /** Reply status `ERROR` ("Internal error"): `unknown` (it may have been queued) or `rejected`. */
    internalErrorOutcome: z.enum(["unknown", "rejected"]).default("unknown"),
    /** getMOMessages filters (document appendix "MO Inline Search String"); `order` is always ASC. */
    inboundFilters: z
      .object({ carrier: z.string().min(1), to: z.string().min(1), from: z.string().min(1), keyword: z.string().min(1) })
      .partial()
      .default({}),
    inboundPageSize: z.number().int().min(1).max(1000).default(100),
    /** Number of getMOMessages' first page (the document does not say whether pages count from 0 or 1). */
    inboundFirstPage: z.union([z.literal(0), z.literal(1)]).default(1),
    /** The first poll starts at the newest message (`now`) or imports the whole history (`beginning`). */
    inboundStartFrom: z.enum(["now", "beginning"]).default("now"),
    /** Zone of MO `sendDate` values written without an offset (the document's example has none). */
    inboundTimeZone: z.string().refine(isKnownTimeZone, "unknown IANA time zone").default("UTC"),
    /** Which MO field holds the subscriber: the document's example has it in `from`, its table says `to`. */
    inboundSubscriberField: z.enum(["from", "to"]).default("from"),
    /** Requests in flight at once when one call carries several messages or ids. */
    concurrency: z.number().int().min(1).max(32).default(8),
  })
  .refine((options) => options.sendMethod !== "sendMTWithFlags" || options.flags !== undefined, {
    message: "sendMTWithFlags needs flags",
    path: ["flags"],
  });

export type OgangiCredentials = z.infer<typeof ogangiCredentialsSchema>;
export type OgangiOptions = z.infer<typeof ogangiOptionsSchema>;
export type OgangiSettings = AccountSettings<OgangiCredentials, OgangiOptions>;
