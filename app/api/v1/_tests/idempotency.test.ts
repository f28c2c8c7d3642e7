/**
 * Safe retries: a POST repeated with the same Idempotency-Key and body answers as the first time and sends
 * nothing again, counted at the (fake) gateway, even when the repeats arrive at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { startIdempotent } from "@/lib/api/idempotency";
import type { ApiProblem } from "@/lib/api/problems";
import { useApiHarness } from "@/lib/api/testing/api-harness";
import { type RunningWorker, startWorker, waitFor } from "@/lib/api/testing/run-worker";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { testDatabases } from "@/lib/testing/test-databases";

describe.each(testDatabases())("API idempotency on $name", (target) => {
  const api = useApiHarness(target, "api-idem");
  let fake: DidwwFake;
  let accountId: number;
  let worker: RunningWorker;
  beforeAll(async () => {
    fake = await startDidwwFake();
    worker = startWorker(api.t.url);
    const account = await api.call("POST", "/provider-accounts", {
      body: { vendor: "didww", name: "Fake DIDWW", baseUrl: fake.url, credentials: { username: "user", password: "secret" }, rateLimitPerSecond: 1000 },
    });
    accountId = account.json.id;
  });
  afterAll(async () => {
    await worker?.stop();
    await fake?.close();
  });

  const sent = (number: string) => fake.accepted.filter((m) => `+${m.destination}` === number).length;
  const settle = (campaignId: number) =>
    waitFor(() => api.call("GET", `/campaigns/${campaignId}`, { key: api.keys.read }), (r) => r.json.status === "completed", 20_000, () => worker.output());

  it("sends a retried message exactly once, replaying the first answer", async () => {
    const body = { to: "+31687650001", text: "Your code is 1234", providerAccountId: accountId };
    const first = await api.call("POST", "/messages", { key: api.keys.send, idempotencyKey: "order-1001", body });
    expect(first.status).toBe(202);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    await settle(first.json.id);
    const retry = await api.call("POST", "/messages", { key: api.keys.send, idempotencyKey: "order-1001", body: { providerAccountId: accountId, text: body.text, to: body.to } });
    expect(retry.status).toBe(202);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a second send, if any, would reach the gateway now
    expect(sent(body.to)).toBe(1);
    expect(await api.t.db.campaign.count({ where: { name: `API message to ${body.to}` } })).toBe(1);
  });

  it("runs one of several identical requests arriving together; the others replay or are told to retry", async () => {
    const body = { to: "+31687650002", text: "Your parcel is on its way", providerAccountId: accountId };
    const replies = await Promise.all(Array.from({ length: 5 }, () => api.call("POST", "/messages", { key: api.keys.send, idempotencyKey: "order-1002", body })));
    const ran = replies.filter((r) => r.status === 202 && r.headers.get("idempotent-replayed") === null);
    expect(ran).toHaveLength(1);
    for (const reply of replies) {
      if (reply.status === 202) expect(reply.json.id).toBe(ran[0].json.id);
        else expect(reply.json.type).toMatch(/#problem-idempotency-request-in-progress$/);
      if (reply.status === 409) expect(reply.headers.get("retry-after")).toBe("1");
    }
    await settle(ran[0].json.id);
    expect(sent(body.to)).toBe(1);
  });

  it("lets exactly one of several concurrent claims of a key run", async () => {
    const key = await createApiKey(api.t.db, api.adminId, { name: "race", scope: "send" });
    const starts = await Promise.allSettled(Array.from({ length: 8 }, () => startIdempotent(api.t.db, key.id, "race-1", "same-fingerprint")));
    expect(starts.filter((s) => s.status === "fulfilled" && s.value.kind === "run")).toHaveLength(1);
    for (const s of starts) if (s.status === "rejected") expect((s.reason as ApiProblem).slug).toBe("idempotency-request-in-progress");
  });

  it("refuses the same key with another body, and keeps keys of different API keys apart", async () => {
    const body = { name: "Reuse", recipients: ["+31687650003"], text: "First", providerAccountId: accountId };
    expect((await api.call("POST", "/campaigns", { key: api.keys.send, idempotencyKey: "batch-7", body })).status).toBe(202);
    const other = await api.call("POST", "/campaigns", { key: api.keys.send, idempotencyKey: "batch-7", body: { ...body, text: "Second" } });
    expect(other.status).toBe(409);
    expect(other.json.type).toMatch(/#problem-idempotency-key-reused$/);
    const otherPath = await api.call("POST", "/lists", { key: api.keys.send, idempotencyKey: "batch-7", body });
    expect(otherPath.json.type).toMatch(/#problem-idempotency-key-reused$/);

    const secondKey = await createApiKey(api.t.db, api.adminId, { name: "another system", scope: "send" });
    const elsewhere = await api.call("POST", "/campaigns", { key: secondKey.key, idempotencyKey: "batch-7", body: { ...body, text: "Second" } });
    expect(elsewhere.status).toBe(202);
    expect(elsewhere.headers.get("idempotent-replayed")).toBeNull();
  });

  it("replays an error answer too, and forgets a key after 24 hours", async () => {
    const first = await api.call("POST", "/campaigns/987654/cancel", { key: api.keys.send, idempotencyKey: "cancel-1" });
    expect(first.status).toBe(404);
    const again = await api.call("POST", "/campaigns/987654/cancel", { key: api.keys.send, idempotencyKey: "cancel-1" });
    expect(again.status).toBe(404);
    expect(again.headers.get("idempotent-replayed")).toBe("true");

    const list = await api.call("POST", "/lists", { key: api.keys.send, idempotencyKey: "list-1", body: { name: "Once" } });
    expect(list.status).toBe(201);
    await api.t.db.idempotencyRecord.updateMany({ where: { key: "list-1" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const afterExpiry = await api.call("POST", "/lists", { key: api.keys.send, idempotencyKey: "list-1", body: { name: "Once" } });
    expect(afterExpiry.status).toBe(409); // it ran again: the name is taken now
    expect(afterExpiry.json.type).toMatch(/#problem-conflict$/);
  });

  it("refuses an Idempotency-Key that is empty-looking or too long", async () => {
    for (const key of ["a".repeat(256), "has space"]) {
      const reply = await api.call("POST", "/lists", { key: api.keys.send, idempotencyKey: key, body: { name: "Never" } });
      expect(reply.status).toBe(400);
      expect(reply.json.type).toMatch(/#problem-invalid-idempotency-key$/);
    }
    expect(await api.t.db.contactList.count({ where: { name: "Never" } })).toBe(0);
  });
});
