import { beforeAll, describe, expect, it } from "vitest";
import { sqlFor } from "@/lib/db/sql";
import { seedAccount, seedList } from "@/lib/delivery/testing/seed-audience";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { estimateCampaign } from "./estimate-campaign";
import { startCampaign } from "./start-campaign";

describe.each(testDatabases())("estimate and start on $name", (target) => {
  const t = useTestDatabase(target, "compose");
  let simulator: number;
  let list: number;
  let exclude: number;
  let optedOutOnly: number;
  let actor: number;

  beforeAll(async () => {
    actor = (await t.db.user.create({ data: { email: "m@x.test", passwordHash: "x", role: "MARKETER" } })).id;
    simulator = (await seedAccount(t.db, "simulator", "simulator://local", 50)).id;
    await t.db.providerAccount.update({ where: { id: simulator }, data: { pricePerSegment: "0.0125", currency: "EUR" } });
    ({ listId: list } = await seedList(t.raw, "main", 6, 31600000000));
    // one of the six is also on the exclusion list, one has opted out, one has a long name
    ({ listId: exclude } = await seedList(t.raw, "exclude", 1, 31600000005));
    await t.db.contact.update({ where: { phone: "+31600000004" }, data: { optedOut: true } });
    await t.db.contact.update({ where: { phone: "+31600000001" }, data: { firstName: "Bartholomew".repeat(15) } });
    ({ listId: optedOutOnly } = await seedList(t.raw, "opted out", 1, 31600000004));
  });

  const base = () => ({ providerAccountId: simulator, listIds: [list], excludeListIds: [exclude] });

  it("counts recipients, skips and segments exactly for a constant text", async () => {
    const e = await estimateCampaign(t.db, sqlFor(t.raw), { ...base(), text: "Sale: 10% off today" });
    expect(e).toMatchObject({
      audience: 5,
      recipients: 4,
      skipped: { optedOut: 1 },
      segments: { total: 4, exact: true },
      cost: { amount: "0.0500", currency: "EUR", pricePerSegment: "0.0125" },
      ratePerSecond: 50,
      durationSeconds: 1,
    });
    expect(e.samples.map((s) => s.text)).toEqual(["Sale: 10% off today", "Sale: 10% off today", "Sale: 10% off today"]);
  });

  it("renders merge fields per recipient and finds the longest rendering", async () => {
    const e = await estimateCampaign(t.db, sqlFor(t.raw), { ...base(), text: "Hi {{first_name|there}}’s turn", ratePerSecond: 2 });
    expect(e.samples[0]).toMatchObject({ phone: "+31600000000", text: "Hi Name0’s turn", encoding: "UCS2", segments: 1 });
    // 165 letters + 11 others in UCS-2: 3 parts of 67
    expect(e.segments).toMatchObject({ total: 1 + 3 + 1 + 1, exact: true, rendered: 4, longest: { phone: "+31600000001", segments: 3 } });
    expect(e).toMatchObject({ ratePerSecond: 2, durationSeconds: 2, cost: { amount: "0.0750" } });
  });

  it("says when the total is extrapolated past the render limit", async () => {
    const e = await estimateCampaign(t.db, sqlFor(t.raw), { ...base(), text: "Hi {{first_name}}" }, 2);
    expect(e.segments).toMatchObject({ exact: false, rendered: 2 });
    // the first two render as 1 and 2 parts (168 GSM-7 characters); four recipients at that average
    expect(e.segments.total).toBe(6);
  });

  it("counts typed numbers, known or new, for a single send", async () => {
    const e = await estimateCampaign(t.db, sqlFor(t.raw), { providerAccountId: simulator, listIds: [], excludeListIds: [], recipients: ["+31600000000", "+31 6 99999999"], text: "Hi {{first_name|you}}" });
    expect(e).toMatchObject({ audience: 2, recipients: 2, segments: { total: 2, exact: true } });
    expect(e.samples.map((s) => s.text).sort()).toEqual(["Hi Name0", "Hi you"]);
    await expect(estimateCampaign(t.db, sqlFor(t.raw), { providerAccountId: simulator, listIds: [], excludeListIds: [], recipients: ["12"], text: "x" })).rejects.toMatchObject({
      fieldErrors: { recipients: expect.stringContaining("12") },
    });
  });

  it("refuses an unknown merge field", async () => {
    await expect(estimateCampaign(t.db, sqlFor(t.raw), { ...base(), text: "Hi {{nickname}}" })).rejects.toThrow("Unknown merge field: {{nickname}}.");
  });

  describe("refuses to launch, on the field", () => {
    const start = (over: Record<string, unknown>) =>
      startCampaign(t.db, sqlFor(t.raw), { name: "C", ...base(), text: "Hello", ...over } as Parameters<typeof startCampaign>[2], actor);

    it.each([
      ["no recipients", () => ({ listIds: [optedOutOnly], excludeListIds: [] }), "listIds", "no one to send to (1 opted out)"],
      ["an empty message", () => ({ text: "" }), "text", "Write a message."],
      ["a schedule in the past", () => ({ scheduleMode: "at", scheduledAt: new Date(Date.now() - 3600_000) }), "scheduledAt", "Choose a time in the future."],
      ["gateway scheduling the vendor lacks", () => ({ scheduleMode: "gateway", scheduledAt: new Date(Date.now() + 3600_000) }), "scheduleMode", "no scheduling of its own"],
    ])("%s", async (_, over, field, message) => {
      await expect(start(over())).rejects.toMatchObject({ status: 400, fieldErrors: { [field]: expect.stringContaining(message) } });
    });

    it("a disabled account", async () => {
      const disabled = await seedAccount(t.db, "simulator", "simulator://off");
      await t.db.providerAccount.update({ where: { id: disabled.id }, data: { enabled: false } });
      await expect(start({ providerAccountId: disabled.id })).rejects.toMatchObject({ fieldErrors: { providerAccountId: "This account is disabled." } });
    });

    it("a sender ID the vendor rejects", async () => {
      const bulksms = await seedAccount(t.db, "bulksms", "http://bulksms.invalid");
      await expect(start({ providerAccountId: bulksms.id, sender: "MuchTooLongName" })).rejects.toMatchObject({
        fieldErrors: { sender: expect.stringContaining("at most 11 characters") },
      });
    });

    it("a text over Masiv's 160 characters without long messages", async () => {
      const masiv = await seedAccount(t.db, "masiv", "http://masiv.invalid");
      await expect(start({ providerAccountId: masiv.id, text: "x".repeat(161) })).rejects.toMatchObject({ fieldErrors: { text: expect.stringContaining("at most 160 characters") } });
      await t.db.providerAccount.update({ where: { id: masiv.id }, data: { options: { longMessages: true } } });
      await expect(start({ providerAccountId: masiv.id, text: "x".repeat(161) })).resolves.toMatchObject({ status: "sending" });
    });
  });

  it("launches now, or leaves a scheduled one for the worker", async () => {
    const now = await startCampaign(t.db, sqlFor(t.raw), { name: "Now", ...base(), text: "Hello" }, actor);
    expect(now.status).toBe("sending");
    const at = new Date(Date.now() + 3600_000);
    const later = await startCampaign(t.db, sqlFor(t.raw), { name: "Later", ...base(), text: "Hello", scheduleMode: "at", scheduledAt: at }, actor);
    expect(later.status).toBe("scheduled");
    expect((await t.db.campaign.findUniqueOrThrow({ where: { id: later.id } })).scheduledAt?.toISOString()).toBe(at.toISOString());
    expect(await t.db.auditLog.count({ where: { action: "campaign.launch", targetId: String(now.id) } })).toBe(1);
  });
});
