/**
 * The inbound polling chore against the OGANGI fake (getMOMessages) on a real database: replies stored
 * once, the cursor saved and resumed from, and one poller per account at a time however many workers run it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ogangiProvider } from "@/lib/providers/ogangi";
import { type OgangiFake, startOgangiFake } from "@/lib/providers/ogangi/fake-ogangi";
import { NO_REPORT_URLS, ogangiSettingsFor } from "@/lib/providers/ogangi/test-support";
import { sqlFor } from "@/lib/db/sql";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import type { EngineAccount } from "../engine-types";
import { INBOUND_POLL_LEASE_MS, pollInboundMessages } from "./poll-inbound";

describe.each(testDatabases())("inbound polling on $name", (target) => {
  const t = useTestDatabase(target, "poll-inbound");
  let fake: OgangiFake;
  let accountId: number;
  beforeAll(async () => {
    fake = await startOgangiFake();
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    await t.db.providerAccount.updateMany({ data: { enabled: false } });
    const row = await t.db.providerAccount.create({
      data: { vendor: "ogangi", name: `ogangi ${Math.random()}`, credentialsEncrypted: "unused", options: {}, baseUrl: fake.baseUrl, rateLimitPerSecond: 10, batchSize: 1, webhookToken: `token-${Math.random()}` },
    });
    accountId = row.id;
    fake.inbound.length = 0;
    fake.server.requests.length = 0;
  });

  const loader = async (id: number): Promise<EngineAccount> => ({
    id,
    enabled: true,
    rateLimitPerSecond: 10,
    batchSize: 1,
    timeoutMs: 2_000,
    adapter: ogangiProvider.create(ogangiSettingsFor(fake, { options: { inboundStartFrom: "beginning" } })),
    reportUrls: NO_REPORT_URLS,
  });
  const poll = (now = new Date()) => pollInboundMessages(sqlFor(t.raw), loader, now);
  const inject = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) fake.injectInbound({ from: `5812345${String(i).padStart(4, "0")}`, text: `reply ${i}`, sendDate: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) });
  };
  const fetches = () => fake.server.requests.filter((r) => r.path.includes("getMOMessages")).length;
  const account = () => t.db.providerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { inboundCursor: true, inboundPollLeaseUntil: true } });

  it("stores each reply once and resumes from the saved cursor", async () => {
    inject(0, 3);
    expect(await poll()).toBe(3);
    expect(await account()).toMatchObject({ inboundCursor: expect.any(String), inboundPollLeaseUntil: null });
    inject(3, 2);
    expect(await poll()).toBe(2);
    expect(await poll()).toBe(0);
    expect(await t.db.inboundMessage.count({ where: { providerAccountId: accountId } })).toBe(5);
  });

  it("lets one of several workers polling at once fetch an account's pages", async () => {
    inject(0, 4);
    // The first fetch answers late, so the other two pollers run while it holds the account.
    fake.server.inject({ type: "slow", ms: 300 });
    const received = await Promise.all([poll(), poll(), poll()]);
    expect(received.sort()).toEqual([0, 0, 4]);
    expect(fetches()).toBe(1);
    expect(await t.db.inboundMessage.count({ where: { providerAccountId: accountId } })).toBe(4);
  });

  it("after a gateway failure keeps the cursor and frees the account, so the next round reads the replies", async () => {
    inject(0, 2);
    fake.server.inject({ type: "status", status: 503, body: "busy" }, 1);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await poll()).toBe(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`[poll inbound] account ${accountId}`));
    errors.mockRestore();
    expect(await account()).toEqual({ inboundCursor: null, inboundPollLeaseUntil: null });
    expect(await poll()).toBe(2);
  });

  it("skips an account a dead worker left leased until the lease runs out", async () => {
    inject(0, 1);
    const now = new Date();
    await t.db.providerAccount.update({ where: { id: accountId }, data: { inboundPollLeaseUntil: new Date(now.getTime() + 60_000) } });
    expect(await poll(now)).toBe(0);
    expect(fetches()).toBe(0);
    expect(await poll(new Date(now.getTime() + INBOUND_POLL_LEASE_MS))).toBe(1);
    expect((await account()).inboundPollLeaseUntil).toBeNull();
  });
});
