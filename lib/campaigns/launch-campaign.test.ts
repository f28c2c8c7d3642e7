import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openRawDb } from "@/lib/db/raw";
import { type Sql, sqlFor } from "@/lib/db/sql";
import { expectCountersMatchRecount, statesOf } from "@/lib/delivery/testing/ledger-checks";
import { seedAccount, seedList } from "@/lib/delivery/testing/seed-audience";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { createCampaign } from "./create-campaign";
import { launchCampaign } from "./launch-campaign";

// More contacts than one page of rendered texts (5,000), so a merge-field launch writes three pages.
const CONTACTS = 12_000;
const EXCLUDED = 100;
const OPTED_OUT = 7;
const AUDIENCE = CONTACTS - EXCLUDED;

describe.each(testDatabases())("launching on $name", (target) => {
  const t = useTestDatabase(target, "launch");
  let account: number;
  let list: number;
  let exclude: number;

  beforeAll(async () => {
    account = (await seedAccount(t.db, "simulator", "simulator://local")).id;
    ({ listId: list } = await seedList(t.raw, "everyone", CONTACTS, 31600000000));
    // excluded from the middle of the second page; opted out across the pages
    ({ listId: exclude } = await seedList(t.raw, "exclude", EXCLUDED, 31600006000));
    const optedOut = Array.from({ length: OPTED_OUT }, (_, i) => `+${31600000000 + i * 1700}`);
    await t.db.contact.updateMany({ where: { phone: { in: optedOut } }, data: { optedOut: true } });
  }, 60_000);

  const newCampaign = async (text: string) =>
    (await createCampaign(t.db, { name: text, providerAccountId: account, text, listIds: [list], excludeListIds: [exclude] }, null)).id;

  /** What a crash leaves: the campaign sending, not launched, only some of its messages written, and the dead launcher's lease. */
  const crashMidLaunch = async (campaignId: number, keepFirst: number) => {
    const sql = sqlFor(t.raw);
    const [kept] = await sql.all<{ id: number }>(`SELECT "contactId" AS "id" FROM "Message" WHERE "campaignId" = ? ORDER BY "contactId" LIMIT 1 OFFSET ?`, [campaignId, keepFirst]);
    await sql.run(`DELETE FROM "Message" WHERE "campaignId" = ? AND "contactId" >= ?`, [campaignId, Number(kept.id)]);
    await sql.run(`UPDATE "Campaign" SET "launchedAt" = NULL, "launchLeaseUntil" = ? WHERE "id" = ?`, [new Date(Date.now() + 30_000), campaignId]);
  };

  it("writes one message per audience contact over several pages, rendered, opted-out ones skipped", async () => {
    const id = await newCampaign("Hi {{first_name}}");
    expect(await launchCampaign(sqlFor(t.raw), id)).toBe(true);
    expect(await statesOf(t.db, id)).toEqual({ queued: AUDIENCE - OPTED_OUT, skipped: OPTED_OUT });
    const last = await t.db.message.findFirstOrThrow({ where: { campaignId: id }, orderBy: { contactId: "desc" } });
    expect(last).toMatchObject({ destination: `+${31600000000 + CONTACTS - 1}`, text: `Hi Name${CONTACTS - 1}`, segments: 1 });
    expect(await t.db.message.count({ where: { campaignId: id, destination: `+${31600006000}` } })).toBe(0);
    await expectCountersMatchRecount(t.db, id);
    expect(await launchCampaign(sqlFor(t.raw), id)).toBe(false);
  });

  it.each([
    ["with merge fields", "Hi {{first_name}}"],
    ["without merge fields", "Spring sale today"],
  ])("resumes a launch interrupted by a crash (%s) and writes only what is missing", async (_, text) => {
    const id = await newCampaign(text);
    await launchCampaign(sqlFor(t.raw), id);
    // pages already written, one cut in the middle, and pages never written
    await crashMidLaunch(id, 7_500);
    // until the dead launcher's lease runs out, nobody else takes the launch
    expect(await launchCampaign(sqlFor(t.raw), id)).toBe(false);
    expect(await t.db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ launchedAt: null });
    expect(await launchCampaign(sqlFor(t.raw), id, new Date(Date.now() + 31_000))).toBe(true);
    expect((await t.db.campaign.findUniqueOrThrow({ where: { id } })).launchLeaseUntil).toBeNull();
    expect(await t.db.message.count({ where: { campaignId: id } })).toBe(AUDIENCE);
    expect((await t.db.campaign.findUniqueOrThrow({ where: { id } })).launchedAt).not.toBeNull();
    await expectCountersMatchRecount(t.db, id);
  });

  it.runIf(target.name === "postgres")("fails a page that races a contact's deletion on the foreign key, and the retry leaves the contact out", async () => {
    const { listId, phones } = await seedList(t.raw, "deletion race", 20, 31609000000);
    const id = (await createCampaign(t.db, { name: "Race", providerAccountId: account, text: "Hello", listIds: [listId] }, null)).id;
    const leaving = await t.db.contact.findUniqueOrThrow({ where: { phone: phones[5] } });
    const other = openRawDb(t.url);
    if (other.dialect !== "postgres") throw new Error("unreachable");
    const deleter = await other.pool.connect();
    try {
      // deleteContacts' statements, held open: the contact row is locked and gone for everyone once committed.
      await deleter.query("BEGIN");
      await deleter.query(`DELETE FROM "Contact" WHERE "id" = $1`, [leaving.id]);
      const launching = launchCampaign(sqlFor(t.raw), id);
      launching.catch(() => undefined);
      // The launch read the contact in its snapshot; its foreign-key check waits for the deleter's lock.
      const until = Date.now() + 10_000;
      const waiting = async () => Number((await deleter.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n);
      while ((await waiting()) === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      await deleter.query(`DELETE FROM "ListMembership" WHERE "contactId" = $1`, [leaving.id]);
      await deleter.query("COMMIT");
      await expect(launching).rejects.toThrow(/foreign key/);
    } finally {
      deleter.release();
      await other.close();
    }
    expect(await t.db.message.count({ where: { campaignId: id } })).toBe(0);
    expect(await launchCampaign(sqlFor(t.raw), id)).toBe(true);
    const messages = await t.db.message.findMany({ where: { campaignId: id }, select: { destination: true } });
    expect(messages.map((m) => m.destination).sort()).toEqual(phones.filter((phone) => phone !== leaving.phone).sort());
    await expectCountersMatchRecount(t.db, id);
  });

  it("releases the lease of a launch that failed, so the next chore retries it at once", async () => {
    const id = await newCampaign("Hello");
    // recipients that are not a JSON list: the launch throws after taking the lease
    const sql = sqlFor(t.raw);
    await sql.run(`UPDATE "Campaign" SET "recipients" = ${sql.dialect === "postgres" ? `'"not json"'::jsonb` : `'not json'`} WHERE "id" = ?`, [id]);
    await expect(launchCampaign(sql, id)).rejects.toThrow(SyntaxError);
    const after = await t.db.campaign.findUniqueOrThrow({ where: { id }, select: { status: true, launchedAt: true, launchLeaseUntil: true } });
    expect(after).toEqual({ status: "sending", launchedAt: null, launchLeaseUntil: null });
  });

  describe("a launch that outlasts its lease", () => {
    afterEach(() => vi.useRealTimers());

    it("keeps it by renewing it before each page and before the recount, so no other worker takes over a launch still running", async () => {
      const id = await newCampaign("Hi {{first_name}}");
      const other = openRawDb(t.url);
      // Only Date is faked: each page starts 50 seconds after the one before (the lease lasts 60), and as
      // it starts another worker tries to take the launch.
      vi.useFakeTimers({ toFake: ["Date"] });
      const takeovers: boolean[] = [];
      const sql = sqlFor(t.raw);
      const slowPages: Sql = {
        ...sql,
        async transaction(work) {
          vi.setSystemTime(Date.now() + 50_000);
          takeovers.push(await launchCampaign(sqlFor(other), id, new Date()));
          return sql.transaction(work);
        },
      };
      try {
        expect(await launchCampaign(slowPages, id)).toBe(true);
      } finally {
        await other.close();
      }
      expect(takeovers.length).toBeGreaterThanOrEqual(3);
      expect(takeovers).not.toContain(true);
      expect(await statesOf(t.db, id)).toEqual({ queued: AUDIENCE - OPTED_OUT, skipped: OPTED_OUT });
      await expectCountersMatchRecount(t.db, id);
    });
  });

  it("lets exactly one of two processes launch the same campaign at once", async () => {
    const id = await newCampaign("Hello {{first_name}}");
    const other = openRawDb(t.url);
    try {
      const launched = await Promise.all([launchCampaign(sqlFor(t.raw), id), launchCampaign(sqlFor(other), id)]);
      expect(launched.sort()).toEqual([false, true]);
    } finally {
      await other.close();
    }
    expect(await statesOf(t.db, id)).toEqual({ queued: AUDIENCE - OPTED_OUT, skipped: OPTED_OUT });
    await expectCountersMatchRecount(t.db, id);
  });
});
