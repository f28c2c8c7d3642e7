/**
 * What a user can do to a campaign once created: launch, pause, resume, cancel, re-send. Each is a
 * conditional update on the campaign's status (so a stale click changes nothing), audited in the same
 * transaction. Campaigns scheduled at the gateway cannot be paused or canceled once handed over.
 */
import { actorFields, auditSql } from "@/lib/audit/audit";
import type { Prisma } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { UserError } from "@/lib/errors";
import { CounterDelta, moveMessages } from "@/lib/delivery/counters";

type Actor = { userId?: number | null; apiKeyId?: number | null };

async function transition(sql: Sql, campaignId: number, from: string[], to: string, action: string, actor: Actor, extra = ""): Promise<void> {
  await sql.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx.run(
      `UPDATE "Campaign" SET "status" = ?, "updatedAt" = ? ${extra} WHERE "id" = ? AND "status" IN (${from.map(() => "?").join(", ")})`,
      [to, now, campaignId, ...from],
    );
    if (changed === 0) throw new UserError(`The campaign cannot be ${action}d now (it is not ${from.join(" or ")}).`, 409);
    await auditCampaign(tx, actor, `campaign.${action}`, campaignId, now);
  });
}

function auditCampaign(tx: Sql, actor: Actor, action: string, campaignId: number, now: Date, details?: Prisma.InputJsonObject): Promise<void> {
  return auditSql(tx, { ...actorFields(actor), action, targetType: "campaign", targetId: campaignId, details }, now);
}

/** Starts a draft now; the worker writes its messages (a million recipients take seconds, not a request). */
export async function requestLaunch(sql: Sql, campaignId: number, actor: Actor): Promise<void> {
  await transition(sql, campaignId, ["draft"], "sending", "launch", actor);
}

export async function pauseCampaign(sql: Sql, campaignId: number, actor: Actor): Promise<void> {
  await assertNotHandedOver(sql, campaignId, "paused");
  await transition(sql, campaignId, ["sending"], "paused", "pause", actor);
}

export async function resumeCampaign(sql: Sql, campaignId: number, actor: Actor): Promise<void> {
  await transition(sql, campaignId, ["paused"], "sending", "resume", actor);
}

/** Cancels a draft, scheduled, sending or paused campaign: every message not yet handed over becomes `canceled`. */
export async function cancelCampaign(sql: Sql, campaignId: number, actor: Actor): Promise<void> {
  await assertNotHandedOver(sql, campaignId, "canceled");
  await sql.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx.run(
      `UPDATE "Campaign" SET "status" = 'canceled', "canceledAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" IN ('draft', 'scheduled', 'sending', 'paused')`,
      [now, now, campaignId],
    );
    if (changed === 0) throw new UserError("The campaign has already finished or been canceled.", 409);
    const counters = new CounterDelta();
    const canceled = await moveMessages(tx, counters, {
      from: "queued", to: "canceled",
      set: `"state" = 'canceled', "finalAt" = ?, "updatedAt" = ?`, setParams: [now, now],
      where: `m."campaignId" = ? AND m."state" = 'queued'`, whereParams: [campaignId],
      now,
    });
    await counters.write(tx);
    await auditCampaign(tx, actor, "campaign.cancel", campaignId, now, { canceledMessages: canceled });
  });
}

/**
 * Re-sends, on purpose, messages whose fate is `unknown` or `failed`: each goes back to the queue and will
 * be a new attempt of the same message (reports for older attempts update those attempts only).
 */
export async function resendMessages(sql: Sql, campaignId: number, states: ("unknown" | "failed")[], actor: Actor): Promise<number> {
  if (states.length === 0) return 0;
  return sql.transaction(async (tx) => {
    const now = new Date();
    const counters = new CounterDelta();
    let total = 0;
    for (const state of states) {
      const n = await moveMessages(tx, counters, {
        from: state, to: "queued",
        set: `"state" = 'queued', "retryAt" = NULL, "finalAt" = NULL, "expiresAt" = ?, "updatedAt" = ?`, setParams: [new Date(now.getTime() + 24 * 3600_000), now],
        where: `m."campaignId" = ? AND m."state" = ?`, whereParams: [campaignId, state],
        now,
      });
      total += n;
    }
    if (total === 0) return 0;
    await counters.write(tx);
    await tx.run(`UPDATE "Campaign" SET "status" = 'sending', "completedAt" = NULL, "updatedAt" = ? WHERE "id" = ? AND "status" IN ('completed', 'failed', 'sending', 'paused')`, [now, campaignId]);
    await auditCampaign(tx, actor, "campaign.resend", campaignId, now, { states, messages: total });
    return total;
  });
}

async function assertNotHandedOver(sql: Sql, campaignId: number, verb: string): Promise<void> {
  const [row] = await sql.all<{ scheduleMode: string; launchedAt: unknown }>(`SELECT "scheduleMode", "launchedAt" FROM "Campaign" WHERE "id" = ?`, [campaignId]);
  if (!row) throw new UserError("The campaign does not exist.", 404);
  if (row.scheduleMode === "gateway" && row.launchedAt) {
    throw new UserError(`Messages scheduled at the gateway were handed over already and cannot be ${verb}.`, 409);
  }
}
