/**
 * Inbound polling for gateways that keep replies for us to fetch (OGANGI getMOMessages): each enabled
 * account whose adapter can poll is asked for what arrived after its remembered cursor; the new cursor
 * is saved only after the messages are stored, so a crash re-reads rather than loses (duplicates are
 * ignored by the inbound store).
 *
 * Several workers run this chore. Each account is polled by one of them at a time: the poller takes the
 * account's lease and reads the cursor in the same statement, so no other worker fetches the same pages
 * or writes back an older cursor. A worker that dies mid-poll leaves a lease that expires.
 */
import type { Sql } from "@/lib/db/sql";
import { findProvider } from "@/lib/providers/registry";
import type { EngineAccount } from "../engine-types";
import { ingestInbound } from "./ingest-inbound";

/** Longer than a poll takes (a few pages, each within the account's timeout). */
export const INBOUND_POLL_LEASE_MS = 2 * 60_000;

export async function pollInboundMessages(sql: Sql, account: (id: number) => Promise<EngineAccount | undefined>, now = new Date()): Promise<number> {
  const accounts = await sql.all<{ id: number; vendor: string }>(`SELECT "id", "vendor" FROM "ProviderAccount" WHERE "enabled" = TRUE`);
  let received = 0;
  for (const row of accounts) {
    if (!findProvider(row.vendor)?.capabilities.inbound.poll) continue;
    const id = Number(row.id);
    try {
      const engineAccount = await account(id);
      if (!engineAccount?.adapter.pollInbound) continue;
      const lease = await takeLease(sql, id, now);
      if (!lease) continue; // another worker is polling it
      let cursor = lease.cursor;
      try {
        const page = await engineAccount.adapter.pollInbound(cursor ?? undefined);
        received += await ingestInbound(sql, id, page.messages, now);
        cursor = page.cursor ?? cursor;
      } finally {
        await sql.run(`UPDATE "ProviderAccount" SET "inboundCursor" = ?, "inboundPollLeaseUntil" = NULL WHERE "id" = ?`, [cursor, id]);
      }
    } catch (error) {
      // One gateway failing must not keep the others' replies waiting; the next round tries again.
      console.error(`[poll inbound] account ${id}: ${(error as Error).message}`);
    }
  }
  return received;
}

/** The account's lease and its cursor, or null while another worker holds the lease. */
async function takeLease(sql: Sql, accountId: number, now: Date): Promise<{ cursor: string | null } | null> {
  const [taken] = await sql.all<{ inboundCursor: string | null }>(
    `UPDATE "ProviderAccount" SET "inboundPollLeaseUntil" = ?
     WHERE "id" = ? AND ("inboundPollLeaseUntil" IS NULL OR "inboundPollLeaseUntil" < ?) RETURNING "inboundCursor"`,
    [new Date(now.getTime() + INBOUND_POLL_LEASE_MS), accountId, now],
  );
  return taken ? { cursor: taken.inboundCursor } : null;
}
