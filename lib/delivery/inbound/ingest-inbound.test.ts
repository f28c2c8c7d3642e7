import { describe, expect, it } from "vitest";
import { sqlFor } from "@/lib/db/sql";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { seedAccount, seedList } from "../testing/seed-audience";
import { ingestInbound } from "./ingest-inbound";

const reply = (id: string, from: string, text: string) => ({ providerMessageId: id, from, to: "+15550000000", text, receivedAt: new Date("2026-11-22T10:00:00Z") });

describe.each(testDatabases())("inbound replies on $name", (target) => {
  const t = useTestDatabase(target, "inbound");

  it("stores a STOP reply once, opts the contact out with its source, and START opts back in", async () => {
    const sql = sqlFor(t.raw);
    const { phones } = await seedList(t.raw, "inbound", 2, 31650000000);
    const account = await seedAccount(t.db, "simulator", "simulator://local");
    expect(await ingestInbound(sql, account.id, [reply("m1", phones[0], " stop ")])).toBe(1);
    expect(await ingestInbound(sql, account.id, [reply("m1", phones[0], " stop ")])).toBe(0); // a retried push

    const contact = await t.db.contact.findUniqueOrThrow({ where: { phone: phones[0] } });
    expect(contact).toMatchObject({ optedOut: true, optOutSource: "inbound" });
    const stored = await t.db.inboundMessage.findMany({ where: { providerAccountId: account.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ contactId: contact.id, keyword: "STOP", text: " stop " });

    await ingestInbound(sql, account.id, [reply("m2", phones[0], "START")]);
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).optedOut).toBe(false);
    const events = await t.db.optOutEvent.findMany({ where: { contactId: contact.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.optedOut, e.source])).toEqual([[true, "inbound"], [false, "inbound"]]);
  });

  it("keeps a reply from an unknown number without a contact, and ignores conversation", async () => {
    const sql = sqlFor(t.raw);
    const { phones } = await seedList(t.raw, "inbound-2", 1, 31660000000);
    const account = await seedAccount(t.db, "simulator", "simulator://local");
    await ingestInbound(sql, account.id, [reply("x1", "+4915112345678", "who is this?"), reply("x2", phones[0], "Stop sending me this")]);
    expect(await t.db.inboundMessage.count({ where: { providerAccountId: account.id, contactId: null } })).toBe(1);
    expect((await t.db.contact.findUniqueOrThrow({ where: { phone: phones[0] } })).optedOut).toBe(false);
  });

  it("uses the admin's keyword list when one is configured", async () => {
    const sql = sqlFor(t.raw);
    const { phones } = await seedList(t.raw, "inbound-3", 1, 31670000000);
    const account = await seedAccount(t.db, "simulator", "simulator://local");
    await t.db.appSetting.create({ data: { key: "optOutKeywords", value: ["BAJA"] } });
    await ingestInbound(sql, account.id, [reply("b1", phones[0], "Baja")]);
    expect((await t.db.contact.findUniqueOrThrow({ where: { phone: phones[0] } })).optedOut).toBe(true);
    await t.db.appSetting.delete({ where: { key: "optOutKeywords" } });
  });
});
