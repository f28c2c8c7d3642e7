/**
 * Campaign counters, changed in the same transaction as the message states they count, so a progress
 * bar or dashboard never scans the message table. `recountCampaign` rebuilds them from the ledger.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { COUNTER_COLUMN, MESSAGE_STATES } from "./states";

/** Accumulates state moves (per campaign) and writes them as one UPDATE per campaign. */
export class CounterDelta {
  private readonly byCampaign = new Map<number, Map<MessageState, number>>();

  move(campaignId: number, from: MessageState | null, to: MessageState, count = 1): void {
    if (from === to || count === 0) return;
    let deltas = this.byCampaign.get(campaignId);
    if (!deltas) this.byCampaign.set(campaignId, (deltas = new Map()));
    if (from) deltas.set(from, (deltas.get(from) ?? 0) - count);
    deltas.set(to, (deltas.get(to) ?? 0) + count);
  }

  async write(tx: Sql): Promise<void> {
    for (const [campaignId, deltas] of this.byCampaign) {
      const changes = [...deltas].filter(([, n]) => n !== 0);
      if (changes.length === 0) continue;
      const assignments = changes.map(([state]) => `"${COUNTER_COLUMN[state]}" = "${COUNTER_COLUMN[state]}" + ?`);
      await tx.run(`UPDATE "Campaign" SET ${assignments.join(", ")} WHERE "id" = ?`, [...changes.map(([, n]) => n), campaignId]);
    }
    this.byCampaign.clear();
  }
}

/** Rebuilds a campaign's counters from its messages (idempotent); used after launch and by maintenance. */
export async function recountCampaign(tx: Sql, campaignId: number): Promise<void> {
  const rows = await tx.all<{ state: MessageState; n: number | string; segments: number | string | null }>(
    `SELECT "state", COUNT(*) AS n, SUM("segments") AS segments FROM "Message" WHERE "campaignId" = ? GROUP BY "state"`,
    [campaignId],
  );
  const counts = new Map(rows.map((r) => [r.state, Number(r.n)]));
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const segments = rows.filter((r) => r.state !== "skipped").reduce((sum, r) => sum + Number(r.segments ?? 0), 0);
  const assignments = MESSAGE_STATES.map((state) => `"${COUNTER_COLUMN[state]}" = ?`);
  await tx.run(
    `UPDATE "Campaign" SET ${assignments.join(", ")}, "recipientCount" = ?, "segmentCount" = ? WHERE "id" = ?`,
    [...MESSAGE_STATES.map((state) => counts.get(state) ?? 0), total, segments, campaignId],
  );
}
