/**
 * The success path of each endpoint not already driven by the full-flow test, plus the rules shared by
 * all: pagination, filters, scope nesting, library errors mapped to fields, and rate limiting.
 */
import { describe, expect, it } from "vitest";
import { useApiHarness } from "@/lib/api/testing/api-harness";
import { testDatabases } from "@/lib/testing/test-databases";

describe.each(testDatabases())("API endpoints on $name", (target) => {
  const api = useApiHarness(target, "api-endpoints");

  async function simulatorAccount() {
    const reply = await api.call("POST", "/provider-accounts", { body: { vendor: "simulator", name: `Sim ${Math.random()}`, baseUrl: "simulator://local" } });
    expect(reply.status).toBe(201);
    return reply.json;
  }

  it("creates, reads, updates, lists and pages contacts", async () => {
    const list = (await api.call("POST", "/lists", { key: api.keys.send, body: { name: "Members", description: "Paying members" } })).json;
    const created = await api.call("POST", "/contacts", { key: api.keys.send, body: { phone: "0612340001", defaultCountry: "nl", firstName: "Ida", fields: { city: "Delft" }, listIds: [list.id] } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ phone: "+31612340001", country: "NL", fields: { city: "Delft" } });
    const duplicate = await api.call("POST", "/contacts", { key: api.keys.send, body: { phone: "+31612340001" } });
    expect(duplicate.status).toBe(409);

    const updated = await api.call("PATCH", `/contacts/${created.json.id}`, { key: api.keys.send, body: { lastName: "Jansen", fields: { city: null, tier: "gold" }, removeFromListIds: [list.id] } });
    expect(updated.json).toMatchObject({ firstName: "Ida", lastName: "Jansen", fields: { tier: "gold" } });
    expect(updated.json.fields.city).toBeUndefined();
    expect((await api.call("GET", `/lists/${list.id}`, { key: api.keys.read })).json.contactCount).toBe(0);
    expect((await api.call("GET", `/contacts/${created.json.id}`, { key: api.keys.read })).json.lastName).toBe("Jansen");

    for (let i = 2; i <= 5; i++) await api.call("POST", "/contacts", { key: api.keys.send, body: { phone: `+3161234000${i}`, listIds: [list.id] } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { data: { phone: string }[]; nextCursor: string | null } } = await api.call("GET", `/contacts?listId=${list.id}&limit=3${cursor ? `&cursor=${cursor}` : ""}`, { key: api.keys.read });
      seen.push(...page.json.data.map((c) => c.phone));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["+31612340005", "+31612340004", "+31612340003", "+31612340002"]);
    const badCursor = await api.call("GET", "/contacts?cursor=zzz", { key: api.keys.read });
    expect(badCursor.json.errors[0].pointer).toBe("/cursor");

    const optedOut = await api.call("POST", `/contacts/${created.json.id}/opt-out`, { key: api.keys.send });
    expect(optedOut.json).toMatchObject({ optedOut: true, optOutSource: "api" });
    expect((await api.call("POST", `/contacts/${created.json.id}/opt-out`, { key: api.keys.send })).status).toBe(200);
    expect(await api.t.db.optOutEvent.count({ where: { contactId: created.json.id } })).toBe(1);
    expect((await api.call("GET", "/contacts?optedOut=true", { key: api.keys.read })).json.data.map((c: { id: number }) => c.id)).toEqual([created.json.id]);
  });

  it("creates, renames and lists lists; a taken name is a conflict on its field", async () => {
    const a = await api.call("POST", "/lists", { key: api.keys.send, body: { name: "Alpha" } });
    const renamed = await api.call("PATCH", `/lists/${a.json.id}`, { key: api.keys.send, body: { name: "Alpha 2", description: "renamed" } });
    expect(renamed.json).toMatchObject({ name: "Alpha 2", description: "renamed" });
    await api.call("POST", "/lists", { key: api.keys.send, body: { name: "Beta" } });
    const taken = await api.call("PATCH", `/lists/${a.json.id}`, { key: api.keys.send, body: { name: "Beta" } });
    expect(taken.status).toBe(409);
    const names = (await api.call("GET", "/lists?limit=200", { key: api.keys.read })).json.data.map((l: { name: string }) => l.name);
    expect(names).toEqual(expect.arrayContaining(["Alpha 2", "Beta"]));
  });

  it("manages provider accounts with write-only credentials", async () => {
    const created = await api.call("POST", "/provider-accounts", {
      body: { vendor: "bulksms", name: "Bulk", baseUrl: "https://gateway.example.com", credentials: { username: "u1", password: "Pa55-word-x" } },
    });
    expect(created.status).toBe(201);
    expect(created.json.batchSize).toBeGreaterThan(1);
    const patched = await api.call("PATCH", `/provider-accounts/${created.json.id}`, { body: { name: "Bulk renamed", rateLimitPerSecond: 50 } });
    expect(patched.json).toMatchObject({ name: "Bulk renamed", rateLimitPerSecond: 50, credentialsSet: { username: true, password: true } });
    const missing = await api.call("POST", "/provider-accounts", { body: { vendor: "bulksms", name: "No password", baseUrl: "https://gateway.example.com" } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { pointer: string }) => e.pointer)).toContain("/credentials/password");
    const listed = await api.call("GET", "/provider-accounts");
    expect(listed.json.data.map((a: { name: string }) => a.name)).toContain("Bulk renamed");
    expect(JSON.stringify(listed.json)).not.toContain("Pa55-word-x");
    expect((await api.call("GET", `/provider-accounts/${created.json.id}`)).json.vendor).toBe("bulksms");
  });

  it("schedules a campaign, lists it, cancels it once, and reports library field errors under the API's names", async () => {
    const account = await simulatorAccount();
    const at = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await api.call("POST", "/campaigns", { key: api.keys.send, body: { name: "Later", text: "Hello", recipients: ["+31612349999"], providerAccountId: account.id, scheduledAt: at } });
    expect(scheduled.status).toBe(202);
    expect(scheduled.json).toMatchObject({ status: "scheduled", scheduleMode: "at", scheduledAt: at, kind: "bulk" });
    const listed = await api.call("GET", "/campaigns?status=scheduled", { key: api.keys.read });
    expect(listed.json.data.map((c: { id: number }) => c.id)).toContain(scheduled.json.id);

    const canceled = await api.call("POST", `/campaigns/${scheduled.json.id}/cancel`, { key: api.keys.send });
    expect(canceled.json.status).toBe("canceled");
    const again = await api.call("POST", `/campaigns/${scheduled.json.id}/cancel`, { key: api.keys.send });
    expect(again.status).toBe(409);
    expect(again.json.type).toMatch(/#problem-conflict$/);

    const badNumber = await api.call("POST", "/messages", { key: api.keys.send, body: { to: "12", text: "Hi", providerAccountId: account.id } });
    expect(badNumber.status).toBe(400);
    expect(badNumber.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/to"]);
    const unknownField = await api.call("POST", "/messages", { key: api.keys.send, body: { to: "+31612349998", text: "Hi {{nickname}}", providerAccountId: account.id } });
    expect(unknownField.status).toBe(400);

    const single = await api.call("POST", "/messages", { key: api.keys.send, body: { to: "+31612349998", text: "Hi", scheduledAt: at } });
    expect(single.json).toMatchObject({ kind: "single", status: "scheduled", name: "API message to +31612349998" });
    const empty = await api.call("GET", `/messages?campaignId=${single.json.id}&state=queued`, { key: api.keys.read });
    expect(empty.json).toEqual({ data: [], nextCursor: null });
  });

  it("filters messages by state, number and time", async () => {
    const account = await simulatorAccount();
    const contact = await api.t.db.contact.create({ data: { phone: "+31612348888" } });
    const campaign = await api.t.db.campaign.create({ data: { name: "Seeded", kind: "bulk", status: "completed", providerAccountId: account.id, text: "x" } });
    const base = { campaignId: campaign.id, contactId: contact.id, destination: contact.phone, text: "x", encoding: "GSM7" as const, segments: 1, providerAccountId: account.id };
    await api.t.db.message.create({ data: { ...base, state: "delivered" } });
    const other = await api.t.db.contact.create({ data: { phone: "+31612348889" } });
    await api.t.db.message.create({ data: { ...base, contactId: other.id, destination: other.phone, state: "failed" } });
    const delivered = await api.call("GET", `/messages?campaignId=${campaign.id}&state=delivered`, { key: api.keys.read });
    expect(delivered.json.data.map((m: { to: string }) => m.to)).toEqual(["+31612348888"]);
    const byNumber = await api.call("GET", `/messages?to=%2B31612348889`, { key: api.keys.read });
    expect(byNumber.json.data.map((m: { state: string }) => m.state)).toEqual(["failed"]);
    const future = await api.call("GET", `/messages?createdFrom=${new Date(Date.now() + 60_000).toISOString()}`, { key: api.keys.read });
    expect(future.json.data).toEqual([]);
    const wrong = await api.call("GET", "/messages?state=lost&limit=0", { key: api.keys.read });
    expect(wrong.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["/limit", "/state"]);
  });

  it("lets a higher scope do what a lower one may, and limits each key's request rate", async () => {
    expect((await api.call("GET", "/lists", { key: api.keys.admin })).status).toBe(200);
    expect((await api.call("POST", "/lists", { key: api.keys.admin, body: { name: "By admin key" } })).status).toBe(201);

    api.services.ratePerSecond = 2;
    try {
      const replies = [];
      for (let i = 0; i < 4; i++) replies.push(await api.call("GET", "/lists", { key: api.keys.read }));
      const limited = replies.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0].json.type).toMatch(/#problem-rate-limited$/);
      expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Another key has its own bucket.
      expect((await api.call("GET", "/lists", { key: api.keys.send })).status).toBe(200);
    } finally {
      api.services.ratePerSecond = 1000;
    }
  });
});
