import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { sqlFor } from "@/lib/db/sql";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { exportContactsCsv, exportRejectedRowsCsv } from "./export-contacts";
import { processImportChunk, startImport } from "./import-job";
import { startImportSchema } from "./import.schema";
import { addToList, createList, deleteList, holdContacts, holdLists, listsWithCounts, removeFromList, renameList } from "./lists";
import { deleteContacts } from "./manage-contact";
import { optInContacts, optOutContacts } from "./opt-out";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { seedAccount } from "@/lib/delivery/testing/seed-audience";
import { contactCountries, contactMessages, searchContacts } from "./query-contacts";

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe.each(testDatabases())("lists, opt-outs, search and export on $name", (target) => {
  const t = useTestDatabase(target, "contacts");
  const ids: number[] = [];

  it("sets up contacts", async () => {
    const rows = [
      ["+33612345601", "Alice", "Martin", "FR"],
      ["+33612345602", "=cmd|' /C calc'!A0", "-Bob", "FR"],
      ["+14155552671", "Carol", "Smith", "US"],
    ];
    for (const [phone, firstName, lastName, country] of rows) {
      ids.push((await t.db.contact.create({ data: { phone, firstName, lastName, country, fields: { tier: "@gold" } } })).id);
    }
    await t.db.customField.create({ data: { key: "tier", label: "Tier" } });
  });

  it("creates, renames, fills, counts and deletes lists (contacts stay)", async () => {
    const list = await createList(t.db, null, { name: "VIP" });
    await expect(createList(t.db, null, { name: "VIP" })).rejects.toThrow(/already exists/);
    await renameList(t.db, null, list.id, "VIPs");
    expect(await addToList(t.db, null, list.id, [ids[0], ids[1], ids[1]])).toBe(2);
    expect(await addToList(t.db, null, list.id, [ids[0], ids[2]])).toBe(1);
    expect(await removeFromList(t.db, null, list.id, [ids[2]])).toBe(1);
    expect((await listsWithCounts(t.db)).find((l) => l.id === list.id)).toMatchObject({ name: "VIPs", contactCount: 2 });
    expect((await searchContacts(t.db, sqlFor(t.raw), { listId: list.id })).contacts.map((c) => c.id).sort()).toEqual([ids[0], ids[1]].sort());
    await deleteList(t.db, null, list.id);
    expect(await t.db.contact.count()).toBe(3);
    // Memberships have no foreign key to their list: deleting the list deletes them itself.
    expect(await t.db.listMembership.count({ where: { listId: list.id } })).toBe(0);
    await expect(addToList(t.db, null, list.id, [ids[0]])).rejects.toThrow(/list was not found/i);
    expect(await t.db.listMembership.count({ where: { listId: list.id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { targetType: "list", targetId: String(list.id) } })).toBeGreaterThanOrEqual(5);
  });

  // Only PostgreSQL runs two writers at once; SQLite's transactions take turns, so the race cannot happen there.
  it.runIf(target.name === "postgres")("a list deleted while a writer holds it waits for the writer, then deletes its memberships too", async () => {
    const list = await createList(t.db, null, { name: "Held" });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const writer = t.db.$transaction(async (tx) => {
      expect(await holdLists(tx, [list.id])).toBe(true);
      await tx.listMembership.create({ data: { listId: list.id, contactId: ids[0] } });
      held();
      await released;
    });
    await holding;
    const deleting = deleteList(t.db, null, list.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await writer;
    await deleting;
    // Had the memberships been deleted before the list, the writer's row (uncommitted then) would remain.
    expect(await t.db.listMembership.count({ where: { listId: list.id } })).toBe(0);
  });

  it("refuses to delete a list a campaign not yet launched sends to or excludes, and deletes it once the campaign is canceled", async () => {
    const audience = await createList(t.db, null, { name: "Spring audience" });
    const excluded = await createList(t.db, null, { name: "Spring exclusions" });
    const account = await seedAccount(t.db, "simulator", "simulator://local");
    const campaign = await createCampaign(t.db, { name: "Spring", providerAccountId: account.id, text: "Hello", listIds: [audience.id], excludeListIds: [excluded.id] }, null);
    await t.db.campaign.update({ where: { id: campaign.id }, data: { status: "scheduled", scheduledAt: new Date(Date.now() + 3_600_000) } });
    await expect(deleteList(t.db, null, excluded.id)).rejects.toThrow('Campaign "Spring" excludes this list and has not started yet');
    await expect(deleteList(t.db, null, audience.id)).rejects.toThrow('Campaign "Spring" sends to this list');
    expect(await t.db.campaignList.count({ where: { campaignId: campaign.id } })).toBe(2);
    await t.db.campaign.update({ where: { id: campaign.id }, data: { status: "canceled" } });
    await deleteList(t.db, null, excluded.id);
    await deleteList(t.db, null, audience.id);
    expect(await t.db.contactList.count({ where: { id: { in: [audience.id, excluded.id] } } })).toBe(0);
  });

  it("deletes contacts with their memberships, and adds no deleted contact to a list", async () => {
    const list = await createList(t.db, null, { name: "Leavers" });
    const leaving = await t.db.contact.create({ data: { phone: "+33612345690" } });
    expect(await addToList(t.db, null, list.id, [leaving.id, ids[0]])).toBe(2);
    expect(await deleteContacts(t.db, null, [leaving.id])).toBe(1);
    // Memberships have no foreign key to their contact: deleting the contact deletes them itself.
    expect(await t.db.listMembership.count({ where: { contactId: leaving.id } })).toBe(0);
    expect((await listsWithCounts(t.db)).find((l) => l.id === list.id)?.contactCount).toBe(1);
    expect(await addToList(t.db, null, list.id, [leaving.id])).toBe(0);
    expect(await t.db.listMembership.count({ where: { contactId: leaving.id } })).toBe(0);
    await deleteList(t.db, null, list.id);
  });

  it.runIf(target.name === "postgres")("a contact deleted while a writer holds it waits for the writer, then deletes its memberships too", async () => {
    const list = await createList(t.db, null, { name: "Held contacts" });
    const held = await t.db.contact.create({ data: { phone: "+33612345691" } });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const holds = new Promise<void>((resolve) => (holding = resolve));
    const writer = t.db.$transaction(async (tx) => {
      expect(await holdContacts(tx, [held.id])).toEqual([held.id]);
      await tx.listMembership.create({ data: { listId: list.id, contactId: held.id } });
      holding();
      await released;
    });
    await holds;
    const deleting = deleteContacts(t.db, null, [held.id]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await writer;
    expect(await deleting).toBe(1);
    // Had the memberships been deleted before the contact, the writer's row (uncommitted then) would remain.
    expect(await t.db.listMembership.count({ where: { contactId: held.id } })).toBe(0);
    await deleteList(t.db, null, list.id);
  });

  it("opts out by id or phone once, records every change, and opts back in", async () => {
    expect(await optOutContacts(sqlFor(t.raw), { contactIds: [ids[0]] }, { source: "manual", detail: null, actor: null })).toEqual([ids[0]]);
    expect(await optOutContacts(sqlFor(t.raw), { phones: ["+33 6 12 34 56 01", "+14155552671"] }, { source: "inbound", detail: "STOP", actor: null })).toEqual([ids[2]]);
    expect(await t.db.contact.findUnique({ where: { id: ids[2] } })).toMatchObject({ optedOut: true, optOutSource: "inbound" });
    expect(await optInContacts(sqlFor(t.raw), { contactIds: [ids[2]] }, { source: "manual", detail: "asked again", actor: null })).toEqual([ids[2]]);
    const events = await t.db.optOutEvent.findMany({ where: { contactId: ids[2] }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.optedOut, e.source, e.detail])).toEqual([
      [true, "inbound", "STOP"],
      [false, "manual", "asked again"],
    ]);
    expect((await searchContacts(t.db, sqlFor(t.raw), { optedOut: "yes" })).contacts.map((c) => c.id)).toEqual([ids[0]]);
  });

  it("searches by phone prefix and name prefix, filters by country, pages by keyset", async () => {
    expect((await searchContacts(t.db, sqlFor(t.raw), { q: "+33 6 12" })).contacts).toHaveLength(2);
    expect((await searchContacts(t.db, sqlFor(t.raw), { q: "1415" })).contacts.map((c) => c.id)).toEqual([ids[2]]);
    expect((await searchContacts(t.db, sqlFor(t.raw), { q: "carol" })).contacts.map((c) => c.id)).toEqual([ids[2]]);
    expect((await searchContacts(t.db, sqlFor(t.raw), { q: "Mart" })).contacts.map((c) => c.id)).toEqual([ids[0]]);
    // LIKE wildcards in a search are the characters themselves.
    expect((await searchContacts(t.db, sqlFor(t.raw), { q: "%" })).contacts).toEqual([]);
    expect((await searchContacts(t.db, sqlFor(t.raw), { q: "M_rt" })).contacts).toEqual([]);
    expect((await searchContacts(t.db, sqlFor(t.raw), { country: "US" })).contacts.map((c) => c.id)).toEqual([ids[2]]);
    expect(await contactCountries(t.db)).toEqual(["FR", "US"]);
    const page1 = await searchContacts(t.db, sqlFor(t.raw), {}, 2);
    expect(page1.contacts.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const page2 = await searchContacts(t.db, sqlFor(t.raw), { before: page1.nextBefore! }, 2);
    expect(page2).toEqual({ contacts: [expect.objectContaining({ id: ids[0] })], nextBefore: null });
  });

  it("exports contacts as CSV with formula cells neutralised and E.164 numbers kept", async () => {
    const csv = await text(await exportContactsCsv(t.db, sqlFor(t.raw), { country: "FR" }));
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["phone", "first_name", "last_name", "country", "opted_out", "opted_out_at", "source", "created_at", "tier"]);
    expect(rows).toHaveLength(3);
    expect(rows[2].slice(0, 3)).toEqual(["+33612345602", "'=cmd|' /C calc'!A0", "'-Bob"]);
    expect(rows[1][0]).toBe("+33612345601");
    expect(rows[1][8]).toBe("'@gold");
  });

  it("exports a list page by page, oldest first, and nobody outside it", async () => {
    const list = await createList(t.db, null, { name: "Export" });
    await addToList(t.db, null, list.id, [ids[2], ids[0], ids[1]]);
    const outsider = await t.db.contact.create({ data: { phone: "+33612345692" } });
    // Pages of 2: the export reads three contacts in two pages.
    const csv = await text(await exportContactsCsv(t.db, sqlFor(t.raw), { listId: list.id }, 2));
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r[0])).toEqual(["+33612345601", "+33612345602", "+14155552671"]);
    await deleteContacts(t.db, null, [outsider.id]);
    await deleteList(t.db, null, list.id);
  });

  it("lists a contact's messages newest first, each with its campaign's name", async () => {
    const account = await seedAccount(t.db, "simulator", "simulator://local");
    const campaign = (name: string) => t.db.campaign.create({ data: { name, kind: "bulk", providerAccountId: account.id, text: "Hi" } });
    const [spring, autumn] = [await campaign("Spring"), await campaign("Autumn")];
    const message = (campaignId: number, text: string) => ({ campaignId, contactId: ids[2], providerAccountId: account.id, destination: "+14155552671", text, encoding: "GSM7" as const, segments: 1 });
    await t.db.message.create({ data: message(spring.id, "first") });
    await t.db.message.create({ data: message(autumn.id, "second") });
    const history = await contactMessages(t.db, ids[2]);
    expect(history.map((m) => [m.text, m.campaign.name])).toEqual([["second", "Autumn"], ["first", "Spring"]]);
    expect(await contactMessages(t.db, ids[0])).toEqual([]);
  });

  it("exports an import's rejected rows with row number and reason", async () => {
    const job = await startImport(t.db, null, startImportSchema.parse({ fileName: "x.csv", hasHeader: true, header: ["phone", "name"], defaultCountry: "FR", mapping: { phone: 0, firstName: 1 } }));
    await processImportChunk(t.db, t.raw, job.id, { chunkIndex: 0, firstRowNumber: 2, rows: [["nope", "=evil()"], ["+33612345699", "ok"]], malformed: [] });
    const csv = await text(await exportRejectedRowsCsv(t.db, job.id));
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows).toEqual([["phone", "name", "row", "reason"], ["nope", "'=evil()", "2", "Phone: Not a phone number"]]);
  });
});
