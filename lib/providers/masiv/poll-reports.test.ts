import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMasivFake, type MasivFake } from "./fake-masiv";
import { masivProvider, ReportPollError } from "./index";
import { masivMessage, masivSettingsFor, NO_REPORT_URLS } from "./test-support";
import type { ProviderAdapter, ReportEvent } from "../types";

let fake: MasivFake;
let adapter: ProviderAdapter;

beforeAll(async () => {
  fake = await startMasivFake();
  adapter = masivProvider.create(masivSettingsFor(fake));
});
afterAll(() => fake.close());
beforeEach(() => fake.server.reset());

async function sendAndGetId(): Promise<string> {
  const [outcome] = await adapter.send({ messages: [masivMessage("a", "+573151234567", "hi")], reportUrls: NO_REPORT_URLS });
  if (outcome.kind !== "accepted" || !outcome.providerMessageId) throw new Error(`not accepted: ${JSON.stringify(outcome)}`);
  return outcome.providerMessageId;
}

describe("masiv pollReports", () => {
  it("asks getMessage like the document's example", async () => {
    const local = await startMasivFake({ username: "USERNAME", password: "PASSWORD" });
    try {
      local.setStatus("256875", "1", new Date("2013-01-01T17:25:30Z"));
      const events = await masivProvider
        .create(masivSettingsFor(local, { credentials: { username: "USERNAME", password: "PASSWORD" } }))
        .pollReports!(["256875"]);
      expect(local.server.requests[0].path).toBe("/SmsHandlers/Reporthandler.ashx");
      expect(local.server.requests[0].query.toString()).toBe("action=getMessage&username=USERNAME&password=PASSWORD&messageId=256875");
      expect(events).toEqual([
        { kind: "status", providerMessageId: "256875", state: "sent", rawStatus: "1 Sending", occurredAt: new Date("2013-01-01T17:25:30Z") },
      ]);
    } finally {
      await local.close();
    }
  });

  const statuses: [status: string, expected: Partial<ReportEvent>][] = [
    ["0", { kind: "raw", rawStatus: "0 Ready to send" }],
    ["1", { kind: "status", state: "sent", rawStatus: "1 Sending" }],
    ["2", { kind: "status", state: "sent", rawStatus: "2 Delivered to network" }],
    ["3", { kind: "status", state: "delivered", rawStatus: "3 Delivered to handset" }],
    ["4", { kind: "status", state: "undelivered", rawStatus: "4 Delivery Error", errorCode: "4" }],
    ["5", { kind: "status", state: "failed", rawStatus: "5 General Error", errorCode: "5" }],
    ["6", { kind: "status", state: "failed", rawStatus: "6 Length Error", errorCode: "6" }],
    ["9", { kind: "raw", rawStatus: "9" }],
  ];
  it.each(statuses)("status %s maps to %o", async (status, expected) => {
    const id = await sendAndGetId();
    fake.setStatus(id, status, new Date("2024-05-01T12:00:00Z"));
    const [event] = await adapter.pollReports!([id]);
    expect(event).toMatchObject({ providerMessageId: id, ...expected });
  });

  it("asks once per distinct id and keeps unknown ids as raw 2000 events", async () => {
    const id = await sendAndGetId();
    fake.server.reset();
    const events = await adapter.pollReports!([id, id, "999"]);
    expect(fake.server.requests).toHaveLength(2);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({ kind: "raw", providerMessageId: "999", rawStatus: "error 2000: Invalid ID", errorCode: "2000" });
  });

  it("rejects the whole poll on bad credentials", async () => {
    const wrong = masivProvider.create(masivSettingsFor(fake, { credentials: { username: "user", password: "bad" } }));
    await expect(wrong.pollReports!(["1"])).rejects.toThrow(ReportPollError);
  });

  it("rejects on a hang within the timeout, and on an unreadable reply", async () => {
    const quick = masivProvider.create(masivSettingsFor(fake, { timeoutMs: 300 }));
    fake.server.inject({ type: "hang" });
    await expect(quick.pollReports!(["1"])).rejects.toThrow(/no reply within 300 ms/);
    fake.server.inject({ type: "malformed", body: "<html>oops</html>" });
    await expect(adapter.pollReports!(["1"])).rejects.toThrow(ReportPollError);
  });

  it("rejects when the gateway answers for another message", async () => {
    fake.server.inject({
      type: "malformed",
      body: "<response><action>getMessage</action><data><messageid>2</messageid><status>3</status></data></response>",
    });
    await expect(adapter.pollReports!(["1"])).rejects.toThrow(/answered for message 2/);
  });
});
