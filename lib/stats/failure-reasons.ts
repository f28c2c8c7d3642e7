/**
 * Why a campaign's messages did not arrive: grouped by our state, with the gateway's own code and text,
 * and skipped messages by reason. Reads only the campaign's messages in those states through the
 * (campaignId, state, id) index, so its cost follows the number of failures, not the campaign's size.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { FAILURE_STATES } from "./outcomes";

export interface FailureReason {
  state: MessageState;
  errorCode: string | null;
  errorText: string | null;
  messages: number;
}

const MAX_REASONS = 50;

export async function getFailureReasons(sql: Sql, campaignId: number): Promise<FailureReason[]> {
  const rows = await sql.all<{ state: MessageState; errorCode: string | null; errorText: string | null; n: number | string }>(
    `SELECT "state", "errorCode", "errorText", COUNT(*) AS n FROM "Message"
     WHERE "campaignId" = ? AND "state" IN (${FAILURE_STATES.map(() => "?").join(", ")})
     GROUP BY "state", "errorCode", "errorText" ORDER BY n DESC LIMIT ${MAX_REASONS}`,
    [campaignId, ...FAILURE_STATES],
  );
  const skipped = await sql.all<{ reason: string | null; n: number | string }>(
    `SELECT "skipReason" AS reason, COUNT(*) AS n FROM "Message" WHERE "campaignId" = ? AND "state" = 'skipped' GROUP BY "skipReason" ORDER BY n DESC`,
    [campaignId],
  );
  return [
    ...rows.map((r) => ({ state: r.state, errorCode: r.errorCode, errorText: r.errorText, messages: Number(r.n) })),
    ...skipped.map((r) => ({ state: "skipped" as const, errorCode: r.reason, errorText: null, messages: Number(r.n) })),
  ];
}
