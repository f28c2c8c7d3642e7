import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { createAccount } from "./save-account";
import { accountForm } from "./test-support";
import { DEFAULT_TOKEN_GRACE_MS, findAccountByWebhookToken, rotateWebhookToken } from "./webhook-token";
import { webhookUrls } from "./webhook-urls";

const DAY = 24 * 60 * 60 * 1000;

describe("webhookUrls", () => {
  it("builds one URL per kind under APP_URL", () => {
    expect(webhookUrls({ webhookToken: "tok_en-1" }, "https://sms.example.com/")).toEqual({
      deliveryReport: "https://sms.example.com/api/webhooks/tok_en-1/report",
      batchCallback: "https://sms.example.com/api/webhooks/tok_en-1/batch-callback",
      batchErrback: "https://sms.example.com/api/webhooks/tok_en-1/batch-errback",
      inbound: "https://sms.example.com/api/webhooks/tok_en-1/inbound",
    });
  });
});

describe.each(testDatabases())("webhook tokens on $name", (target) => {
  const t = useTestDatabase(target, "webhook-token");

  it("keeps the old token valid for the grace period after a rotation, and not after", async () => {
    const { id } = await createAccount(t.db, null, accountForm({ vendor: "simulator", name: "Sim", baseUrl: "simulator://local" }), randomBytes(32));
    const before = await t.db.providerAccount.findUniqueOrThrow({ where: { id } });
    expect((await findAccountByWebhookToken(t.db, before.webhookToken))?.id).toBe(id);

    const rotatedAt = new Date("2030-01-01T00:00:00Z");
    const { webhookToken } = await rotateWebhookToken(t.db, null, id, { now: rotatedAt });
    expect(webhookToken).not.toBe(before.webhookToken);
    expect(DEFAULT_TOKEN_GRACE_MS).toBe(7 * DAY);

    const at = (ms: number) => new Date(rotatedAt.getTime() + ms);
    expect((await findAccountByWebhookToken(t.db, webhookToken, at(DAY)))?.id).toBe(id);
    expect((await findAccountByWebhookToken(t.db, before.webhookToken, at(DAY)))?.id).toBe(id);
    expect((await findAccountByWebhookToken(t.db, before.webhookToken, at(7 * DAY - 1000)))?.id).toBe(id);
    expect(await findAccountByWebhookToken(t.db, before.webhookToken, at(7 * DAY))).toBeNull();
    expect(await findAccountByWebhookToken(t.db, before.webhookToken, at(30 * DAY))).toBeNull();
    expect((await findAccountByWebhookToken(t.db, webhookToken, at(30 * DAY)))?.id).toBe(id);
    expect(await findAccountByWebhookToken(t.db, "x".repeat(43))).toBeNull();
    expect(await findAccountByWebhookToken(t.db, "")).toBeNull();

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "provider.rotate_token", targetId: String(id) } });
    expect(JSON.stringify(audit.details)).not.toContain(before.webhookToken);
    expect(JSON.stringify(audit.details)).not.toContain(webhookToken);
  });

  it("a second rotation ends the first token's grace at once", async () => {
    const account = await t.db.providerAccount.findFirstOrThrow({ where: { name: "Sim" } });
    const first = account.webhookToken;
    await rotateWebhookToken(t.db, null, account.id);
    await rotateWebhookToken(t.db, null, account.id);
    expect(await findAccountByWebhookToken(t.db, first)).toBeNull();
  });
});
