/**
 * The proof behind the dashboards: for each campaign, its counters and rollup rows compared with a full
 * recount of its messages, in one consistent snapshot, and optionally rebuilt from that recount.
 * `npm run recount` runs it.
 */
import type { Sql } from "@/lib/db/sql";
import { recountCampaign, rollupFromLedger, type StatChange } from "@/lib/delivery/counters";
import { COUNTER_COLUMN, MESSAGE_STATES } from "@/lib/delivery/states";

export interface Mismatch {
  campaignId: number;
  /** What differs, e.g. `deliveredCount 10 ≠ 12` or `2026-01-02T03 account 1 delivered: messages 3 ≠ 4`. */
  differences: string[];
  rebuilt: boolean;
}

export interface RecountSummary {
  campaigns: number;
  mismatches: Mismatch[];
}

const COST_TOLERANCE = 1e-6;
const keyOf = (s: Pick<StatChange, "bucket" | "accountId" | "state">) => `${s.bucket} account ${s.accountId} ${s.state}`;

/** Compares (and with `rebuild`, repairs) the counters and rollups of every campaign, or of `campaignIds`. */
export async function recountAll(sql: Sql, options: { rebuild?: boolean; campaignIds?: number[] } = {}): Promise<RecountSummary> {
  const ids = options.campaignIds ?? (await sql.all<{ id: number | string }>(`SELECT "id" FROM "Campaign" ORDER BY "id"`)).map((r) => Number(r.id));
  const mismatches: Mismatch[] = [];
  for (const campaignId of ids) {
    const mismatch = await sql.transaction(async (tx) => {
      if (tx.dialect === "postgres") await tx.run(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
      const differences = await compareCampaign(tx, campaignId);
      if (differences.length === 0) return null;
      if (options.rebuild) await recountCampaign(tx, campaignId);
      return { campaignId, differences, rebuilt: Boolean(options.rebuild) };
    });
    if (mismatch) mismatches.push(mismatch);
  }
  return { campaigns: ids.length, mismatches };
}

/** The differences between what is stored for a campaign and a recount of its messages (empty: equal). */
export async function compareCampaign(tx: Sql, campaignId: number): Promise<string[]> {
  const expected = await rollupFromLedger(tx, campaignId);
  const differences: string[] = [];

  const [campaign] = await tx.all<Record<string, number | string>>(
    `SELECT "recipientCount", ${MESSAGE_STATES.map((s) => `"${COUNTER_COLUMN[s]}"`).join(", ")} FROM "Campaign" WHERE "id" = ?`,
    [campaignId],
  );
  const counted = new Map<string, number>();
  for (const r of expected) counted.set(r.state, (counted.get(r.state) ?? 0) + r.messages);
  for (const state of MESSAGE_STATES) {
    const stored = Number(campaign[COUNTER_COLUMN[state]]);
    if (stored !== (counted.get(state) ?? 0)) differences.push(`${COUNTER_COLUMN[state]} ${stored} ≠ ${counted.get(state) ?? 0}`);
  }
  const total = expected.reduce((n, r) => n + r.messages, 0);
  if (Number(campaign.recipientCount) !== total) differences.push(`recipientCount ${campaign.recipientCount} ≠ ${total}`);

  const stored = await tx.all<{ bucket: string; accountId: number | string; state: StatChange["state"]; messages: number | string; segments: number | string; cost: number | string }>(
    `SELECT ${tx.dialect === "sqlite" ? `substr("bucketStart", 1, 13)` : `to_char("bucketStart", 'YYYY-MM-DD"T"HH24')`} AS bucket, "providerAccountId" AS "accountId", "state", "messages", "segments", "cost"
     FROM "DeliveryStat" WHERE "campaignId" = ?`,
    [campaignId],
  );
  const storedByKey = new Map(stored.map((r) => [keyOf({ bucket: r.bucket, accountId: Number(r.accountId), state: r.state }), r]));
  for (const want of expected) {
    const key = keyOf(want);
    const have = storedByKey.get(key);
    storedByKey.delete(key);
    const [messages, segments, cost] = have ? [Number(have.messages), Number(have.segments), Number(have.cost)] : [0, 0, 0];
    if (messages !== want.messages) differences.push(`${key}: messages ${messages} ≠ ${want.messages}`);
    if (segments !== want.segments) differences.push(`${key}: segments ${segments} ≠ ${want.segments}`);
    if (Math.abs(cost - want.cost) > COST_TOLERANCE) differences.push(`${key}: cost ${cost} ≠ ${want.cost}`);
  }
  // Rows the ledger has nothing for must be empty (a move can leave a row at zero).
  for (const [key, have] of storedByKey) {
    if (Number(have.messages) !== 0 || Number(have.segments) !== 0 || Math.abs(Number(have.cost)) > COST_TOLERANCE) {
      differences.push(`${key}: messages ${have.messages} ≠ 0`);
    }
  }
  return differences;
}
