/**
 * A campaign's per-recipient results, filtered and paged on the server by id (keyset paging: page N costs
 * the same as page 1), for the report table and, page after page, for the CSV export.
 */
import { z } from "zod";
import type { Sql, SqlParam } from "@/lib/db/sql";
import { MESSAGE_STATES } from "@/lib/delivery/states";
import type { MessageState } from "@/lib/providers/types";
import { epochMs, fromEpochMs } from "./sql-time";

/** The report table's filters, as search parameters. */
export const recipientFilterSchema = z.object({
  state: z.enum(MESSAGE_STATES).optional().catch(undefined),
  /** Part of the phone number. */
  q: z.string().trim().max(20).regex(/^\+?\d*$/).optional().catch(undefined),
  /** The gateway's error code, exactly. */
  code: z.string().trim().max(40).optional().catch(undefined),
  /** The last id of the previous page. */
  after: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type RecipientFilter = z.infer<typeof recipientFilterSchema>;

export interface RecipientRow {
  id: number;
  destination: string;
  name: string;
  state: MessageState;
  skipReason: string | null;
  errorCode: string | null;
  errorText: string | null;
  rawStatus: string | null;
  segments: number;
  cost: number | null;
  attempts: number;
  submittedAt: Date | null;
  sentAt: Date | null;
  finalAt: Date | null;
}

export const PAGE_SIZE = 50;

type Row = Record<string, string | number | null> & { destination: string; state: MessageState };

export async function listRecipients(sql: Sql, campaignId: number, filter: RecipientFilter, limit = PAGE_SIZE): Promise<{ rows: RecipientRow[]; nextAfter: number | null }> {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  if (filter.state) {
    // The (campaignId, state, id) index gives exactly this page.
    clauses.push(`m."campaignId" = ?`, `m."state" = ?`, `m."id" > ?`);
    params.push(campaignId, filter.state, filter.after ?? 0);
  } else {
    // Walk the primary key through the campaign's id range, so a page never sorts the whole campaign
    // (the unary + keeps the planner from choosing a campaignId index and sorting).
    const range = await idRange(sql, campaignId);
    if (!range) return { rows: [], nextAfter: null };
    clauses.push(`m."id" > ?`, `m."id" <= ?`, `+m."campaignId" = ?`);
    params.push(Math.max(filter.after ?? 0, range.min - 1), range.max, campaignId);
  }
  if (filter.q) (clauses.push(`m."destination" LIKE ?`), params.push(`%${filter.q}%`));
  if (filter.code) (clauses.push(`m."errorCode" = ?`), params.push(filter.code));
  const t = (column: string) => epochMs(sql.dialect, `m."${column}"`);
  const rows = await sql.all<Row>(
    `SELECT m."id", m."destination", m."state", m."skipReason", m."errorCode", m."errorText", m."rawStatus", m."segments", m."cost", m."attemptCount",
       ${t("submittedAt")} AS "submittedMs", ${t("sentAt")} AS "sentMs", ${t("finalAt")} AS "finalMs", c."firstName", c."lastName"
     FROM "Message" m LEFT JOIN "Contact" c ON c."id" = m."contactId"
     WHERE ${clauses.join(" AND ")} ORDER BY m."id" LIMIT ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit).map(toRecipient);
  return { rows: page, nextAfter: rows.length > limit ? page[page.length - 1].id : null };
}

/** The lowest and highest message id of a campaign: one index seek per state on (campaignId, state, id). */
async function idRange(sql: Sql, campaignId: number): Promise<{ min: number; max: number } | null> {
  const seeks = (fn: "MIN" | "MAX") => MESSAGE_STATES.map(() => `(SELECT ${fn}("id") FROM "Message" WHERE "campaignId" = ? AND "state" = ?)`);
  const params = MESSAGE_STATES.flatMap((s) => [campaignId, s]);
  const [row] = await sql.all<Record<string, number | string | null>>(
    `SELECT ${seeks("MIN").map((q, i) => `${q} AS "min${i}"`).join(", ")}, ${seeks("MAX").map((q, i) => `${q} AS "max${i}"`).join(", ")}`,
    [...params, ...params],
  );
  const values = (prefix: string) => MESSAGE_STATES.map((_, i) => row[`${prefix}${i}`]).filter((v) => v !== null).map(Number);
  const mins = values("min");
  return mins.length === 0 ? null : { min: Math.min(...mins), max: Math.max(...values("max")) };
}

/** Every matching recipient, page by page, for a streamed export. */
export async function* allRecipients(sql: Sql, campaignId: number, filter: Omit<RecipientFilter, "after">, pageSize = 5000): AsyncGenerator<RecipientRow[]> {
  let after = 0;
  for (;;) {
    const { rows, nextAfter } = await listRecipients(sql, campaignId, { ...filter, after }, pageSize);
    if (rows.length > 0) yield rows;
    if (nextAfter === null) return;
    after = nextAfter;
  }
}

function toRecipient(r: Row): RecipientRow {
  return {
    id: Number(r.id),
    destination: r.destination,
    name: [r.firstName, r.lastName].filter(Boolean).join(" "),
    state: r.state,
    skipReason: r.skipReason as string | null,
    errorCode: r.errorCode as string | null,
    errorText: r.errorText as string | null,
    rawStatus: r.rawStatus as string | null,
    segments: Number(r.segments),
    cost: r.cost === null ? null : Number(r.cost),
    attempts: Number(r.attemptCount),
    submittedAt: fromEpochMs(r.submittedMs),
    sentAt: fromEpochMs(r.sentMs),
    finalAt: fromEpochMs(r.finalMs),
  };
}
