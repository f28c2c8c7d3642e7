/**
 * A whole job done through the API alone: connect a gateway (a fake DIDWW on 127.0.0.1), create a list and
 * contacts, import more, opt one out, launch a campaign, poll it to completion while a delivery worker
 * runs in this process, and read each message's result.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApiHarness } from "@/lib/api/testing/api-harness";
import { startWorker, waitFor } from "@/lib/api/testing/run-worker";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { testDatabases } from "@/lib/testing/test-databases";

describe.each(testDatabases())("API full flow on $name", (target) => {
  const api = useApiHarness(target, "api-flow");
  let fake: DidwwFake;
  beforeAll(async () => (fake = await startDidwwFake({ username: "trunk-user", password: "trunk-Secret-7" })));
  afterAll(async () => fake.close());

  it("sends a campaign to a list and reports every message's outcome", async () => {
    const account = await api.call("POST", "/provider-accounts", {
      body: { vendor: "didww", name: "Fake DIDWW", baseUrl: fake.url, credentials: { username: "trunk-user", password: "trunk-Secret-7" }, batchSize: 100, rateLimitPerSecond: 1000 },
    });
    expect(account.status).toBe(201);
    expect(account.json.credentialsSet).toEqual({ username: true, password: true });
    expect(JSON.stringify(account.json)).not.toContain("trunk-Secret-7");
    expect(account.json.webhookUrls.deliveryReport).toMatch(/^http:\/\/api\.test\/api\/webhooks\/[\w-]+\/report$/);
    const test = await api.call("POST", `/provider-accounts/${account.json.id}/test`, { key: api.keys.admin });
    expect(test.json.ok).toBe(true);

    const list = await api.call("POST", "/lists", { key: api.keys.send, body: { name: "Spring customers" } });
    expect(list.status).toBe(201);
    const ada = await api.call("POST", "/contacts", { key: api.keys.send, body: { phone: "+31 6 1234 5001", firstName: "Ada", listIds: [list.json.id] } });
    expect(ada.json).toMatchObject({ phone: "+31612345001", firstName: "Ada", source: "api", optedOut: false });
    const imported = await api.call("POST", "/contacts/import", {
      key: api.keys.send,
      body: {
        listId: list.json.id,
        defaultCountry: "NL",
        rows: [
          { phone: "06 1234 5002", firstName: "Bea", fields: { tier: "gold" } },
          { phone: "+31612345003", firstName: "Cas" },
          { phone: "not a number" },
          { phone: "+31612345004" },
        ],
      },
    });
    expect(imported.json).toMatchObject({ created: 3, rejected: 1, rejectedRows: [{ index: 2 }] });
    const cas = await api.call("GET", "/contacts?phone=%2B31612345003", { key: api.keys.read });
    await api.call("POST", `/contacts/${cas.json.data[0].id}/opt-out`, { key: api.keys.send, body: { detail: "asked by phone" } });
    expect((await api.call("GET", `/lists/${list.json.id}`, { key: api.keys.read })).json.contactCount).toBe(4);

    const worker = startWorker(api.t.url);
    try {
      const launched = await api.call("POST", "/campaigns", {
        key: api.keys.send,
        idempotencyKey: "flow-campaign-1",
        body: { name: "Spring sale", text: "Hi {{first_name|there}}, {{tier|new}} deals inside", listIds: [list.json.id], providerAccountId: account.json.id },
      });
      expect(launched.status).toBe(202);
      expect(launched.json.status).toBe("sending");
      const done = await waitFor(
        () => api.call("GET", `/campaigns/${launched.json.id}`, { key: api.keys.read }),
        (reply) => reply.json.status === "completed",
        20_000,
        () => worker.output(),
      );
      expect(done.json).toMatchObject({ recipientCount: 4, counts: { submitted: 3, skipped: 1, queued: 0, sending: 0 } });

      const messages = await api.call("GET", `/messages?campaignId=${launched.json.id}`, { key: api.keys.read });
      const byNumber = Object.fromEntries(messages.json.data.map((m: { to: string }) => [m.to, m]));
      expect(byNumber["+31612345001"]).toMatchObject({ state: "submitted", text: "Hi Ada, new deals inside" });
      expect(byNumber["+31612345002"]).toMatchObject({ state: "submitted", text: "Hi Bea, gold deals inside" });
      expect(byNumber["+31612345003"]).toMatchObject({ state: "skipped", skipReason: "opted_out" });
      expect(byNumber["+31612345004"].providerMessageId).toBeTruthy();
      const one = await api.call("GET", `/messages/${byNumber["+31612345001"].id}`, { key: api.keys.read });
      expect(one.json).toMatchObject({ state: "submitted", events: [] });
      expect(fake.accepted.map((m) => m.destination).sort()).toEqual(["31612345001", "31612345002", "31612345004"]);
    } finally {
      await worker.stop();
    }

    // Who did it is on record: the API key, in the same transactions as the changes.
    const audited = await api.t.db.auditLog.findMany({ where: { apiKeyId: { not: null } }, select: { action: true } });
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["provider.create", "list.create", "contact.create", "contact.opt_out", "campaign.create", "campaign.launch"]));
  });
});
