/**
 * Inbound polling for gateways that keep replies for us to fetch (OGANGI getMOMessages): each enabled
 * account whose adapter can poll is asked for what arrived after its remembered cursor; the new cursor
 * is saved only after the messages are stored, so a crash re-reads rather than loses (duplicates are
 * ignored by the inbound store).
 */
import type { Sql } from "@/lib/db/sql";
import { findProvider } from "@/lib/providers/registry";
import type { EngineAccount } from "../engine-types";
import { ingestInbound } from "./ingest-inbound";

export async function pollInboundMessages(sql: Sql, account: (id: number) => Promise<EngineAccount | undefined>, now = new Date()): Promise<number> {
  const accounts = await sql.all<{ id: number; vendor: string; inboundCursor: string | null }>(
    `SELECT "id", "vendor", "inboundCursor" FROM "ProviderAccount" WHERE "enabled" = TRUE`,
  );
  let received = 0;
  for (const row of accounts) {
    if (!findProvider(row.vendor)?.capabilities.inbound.poll) continue;
    try {
      const engineAccount = await account(Number(row.id));
      if (!engineAccount?.adapter.pollInbound) continue;
      const { messages, cursor } = await engineAccount.adapter.pollInbound(row.inboundCursor ?? undefined);
      received += await ingestInbound(sql, Number(row.id), messages, now);
      if (cursor !== undefined && cursor !== row.inboundCursor) {
        await sql.run(`UPDATE "ProviderAccount" SET "inboundCursor" = ?, "updatedAt" = ? WHERE "id" = ?`, [cursor, now, Number(row.id)]);
      }
    } catch (error) {
      // One gateway failing must not keep the others' replies waiting; the next round tries again.
      console.error(`[poll inbound] account ${row.id}: ${(error as Error).message}`);
    }
  }
  return received;
}
