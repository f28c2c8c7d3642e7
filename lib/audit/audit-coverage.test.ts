/**
 * Every audited action leaves exactly one row, written by the library function that makes the change:
 * sign-ins, user and role changes, provider account changes (never a secret value), campaign controls,
 * opt-outs from every path, and API keys.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { checkCredentials } from "@/lib/auth/sign-in";
import { cancelCampaign, pauseCampaign, requestLaunch, resendMessages, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { changeOptOut, optInContacts, optOutContacts } from "@/lib/contacts/opt-out";
import { sqlFor } from "@/lib/db/sql";
import { seedList } from "@/lib/delivery/testing/seed-audience";
import { deleteAccount, setAccountEnabled } from "@/lib/providers/accounts/manage-account";
import { createAccount, updateAccount } from "@/lib/providers/accounts/save-account";
import { accountForm } from "@/lib/providers/accounts/test-support";
import { rotateWebhookToken } from "@/lib/providers/accounts/webhook-token";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { changeRole, createUser, setActive } from "@/lib/users/manage-users";
import { createUserSchema } from "@/lib/users/users.schema";

describe.each(testDatabases())("audit coverage on $name", (target) => {
  const t = useTestDatabase(target, "audit-coverage");

  /** Runs `change` and expects exactly one new audit row with `action` (and returns it). */
  async function expectOneRow(action: string, change: () => Promise<unknown>) {
    const before = await t.db.auditLog.findMany({ select: { id: true } });
    await change();
    const added = await t.db.auditLog.findMany({ where: { id: { notIn: before.map((r) => r.id) } } });
    expect(added.map((r) => r.action), action).toEqual([action]);
    return added[0];
  }

  it("records each change once, in the function that makes it", async () => {
    const sql = sqlFor(t.raw);
    const admin = await expectOneRow("user.create", () => createUser(t.db, null, createUserSchema.parse({ email: "admin@audit.test", role: "ADMIN", password: "a-good-password" })));
    const adminId = Number(admin.targetId);
    const other = await createUser(t.db, adminId, createUserSchema.parse({ email: "other@audit.test", role: "MARKETER", password: "a-good-password" }));
    await expectOneRow("auth.sign_in", () => checkCredentials(t.db, "admin@audit.test", "a-good-password", "127.0.0.1"));
    await expectOneRow("auth.sign_in_failed", () => checkCredentials(t.db, "nobody@audit.test", "wrong", "127.0.0.1"));
    await expectOneRow("user.change_role", () => changeRole(t.db, adminId, other.id, "MANAGER"));
    await expectOneRow("user.deactivate", () => setActive(t.db, adminId, other.id, false));

    const key = randomBytes(32);
    const secret = "Very-Secret-Password-1";
    const created = await expectOneRow("provider.create", () =>
      createAccount(t.db, adminId, accountForm({ vendor: "mttm", name: "Audited", credentials: { username: "acme", password: secret }, options: { transport: "rest" } }), key));
    const accountId = Number(created.targetId);
    const updated = await expectOneRow("provider.update", () =>
      updateAccount(t.db, adminId, accountId, accountForm({ vendor: "mttm", name: "Audited", credentials: { username: "acme", password: `${secret}-2` }, options: { transport: "rest" } }), key));
    expect(JSON.stringify([created.details, updated.details])).not.toContain(secret);
    await expectOneRow("provider.rotate_token", () => rotateWebhookToken(t.db, adminId, accountId));
    await expectOneRow("provider.disable", () => setAccountEnabled(t.db, adminId, accountId, false));
    await expectOneRow("provider.enable", () => setAccountEnabled(t.db, adminId, accountId, true));

    const { listId, phones } = await seedList(t.raw, "audited-list", 3, 31660000000);
    const campaign = await createCampaign(t.db, { name: "Audited", providerAccountId: accountId, text: "Hi", listIds: [listId] }, adminId);
    const actor = { userId: adminId };
    await expectOneRow("campaign.launch", () => requestLaunch(sql, campaign.id, actor));
    await expectOneRow("campaign.pause", () => pauseCampaign(sql, campaign.id, actor));
    await expectOneRow("campaign.resume", () => resumeCampaign(sql, campaign.id, actor));
    await t.db.message.create({ data: { campaignId: campaign.id, contactId: (await t.db.contact.findFirstOrThrow({ where: { phone: phones[0] } })).id, destination: phones[0], text: "Hi", encoding: "GSM7", segments: 1, state: "failed", providerAccountId: accountId } });
    await t.db.campaign.update({ where: { id: campaign.id }, data: { failedCount: 1, recipientCount: 1 } });
    await expectOneRow("campaign.resend", () => resendMessages(sql, campaign.id, ["failed"], actor));
    await expectOneRow("campaign.cancel", () => cancelCampaign(sql, campaign.id, actor));

    await expectOneRow("contact.opt_out", () => optOutContacts(sql, { phones: [phones[1], phones[2]] }, { source: "manual", detail: null, actor: adminId }));
    await expectOneRow("contact.opt_in", () => optInContacts(sql, { phones: [phones[1]] }, { source: "manual", detail: null, actor: adminId }));
    const contact = await t.db.contact.findFirstOrThrow({ where: { phone: phones[0] } });
    await expectOneRow("contact.opt_out", () => sql.transaction((tx) => changeOptOut(tx, [contact.id], true, { source: "inbound", detail: "STOP", actor: null }, new Date())));

    const apiKey = await expectOneRow("api_key.create", () => createApiKey(t.db, adminId, { name: "CRM", scope: "send" }));
    await expectOneRow("api_key.revoke", () => revokeApiKey(t.db, adminId, Number(apiKey.targetId)));
    await expectOneRow("provider.delete", async () => {
      await t.db.message.deleteMany({ where: { providerAccountId: accountId } });
      await t.db.campaign.deleteMany({ where: { providerAccountId: accountId } });
      await deleteAccount(t.db, adminId, accountId);
    });
  });
});
