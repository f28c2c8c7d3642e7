import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportEvent } from "../types";
import { startOgangiFake, type OgangiFake } from "./fake-ogangi";
import { ogangiProvider, ReportPollError, verifyPhoneNumber } from "./index";
import { NO_REPORT_URLS, ogangiMessage, ogangiSettingsFor } from "./test-support";

let fake: OgangiFake;
beforeAll(async () => {
  fake = await startOgangiFake();
});
afterAll(() => fake.close());

const polling = () => ogangiProvider.create(ogangiSettingsFor(fake, { options: { statusPolling: true } }));

async function sendAndGetId(): Promise<string> {
  const [outcome] = await polling().send({ messages: [ogangiMessage("a", "+13056708084", "hi")], reportUrls: NO_REPORT_URLS });
  if (outcome.kind !== "accepted" || !outcome.providerMessageId) throw new Error(`not accepted: ${JSON.stringify(outcome)}`);
  return outcome.providerMessageId;
}

describe("ogangi pollReports (getMessage)", () => {
  it("exists only when the account enables it and sends with sendSMS", () => {
    expect(ogangiProvider.create(ogangiSettingsFor(fake)).pollReports).toBeUndefined();
    expect(ogangiProvider.create(ogangiSettingsFor(fake, { options: { statusPolling: true, sendMethod: "sendMT" } })).capabilities.reports.poll).toBe(false);
    expect(polling().capabilities.reports).toEqual({ webhook: false, poll: true });
  });

  const cases: [status: string, expected: Partial<ReportEvent>][] = [
    ["SENT_TO_CARRIER", { kind: "status", state: "sent" }],
    ["DELIVERED_TO_DEVICE", { kind: "status", state: "delivered" }],
    ["DELIVRD", { kind: "status", state: "delivered" }],
    ["READ", { kind: "status", state: "delivered" }],
    ["UNDELIVERED", { kind: "status", state: "undelivered", errorCode: "UNDELIVERED" }],
    ["BAD_TO", { kind: "status", state: "failed", errorCode: "BAD_TO" }],
    ["NOT_SENT", { kind: "status", state: "failed", errorCode: "NOT_SENT" }],
    ["REJECTD", { kind: "status", state: "failed" }],
    ["BLACKLISTED", { kind: "status", state: "failed", optOut: true }],
    ["EXPIRED", { kind: "status", state: "expired" }],
    ["PENDING", { kind: "raw", rawStatus: "PENDING" }],
    ["UNKNOWN", { kind: "raw", rawStatus: "UNKNOWN" }],
    ["SOMETHING_NEW", { kind: "raw", rawStatus: "SOMETHING_NEW" }],
  ];
  it.each(cases)("%s in a later poll → %o (a failure status is `failed` here, not `rejected`)", async (status, expected) => {
    const id = await sendAndGetId();
    fake.setStatus(id, status);
    const [event] = await polling().pollReports!([id]);
    expect(event).toMatchObject({ providerMessageId: id, ...expected });
    if (event.kind === "status") expect(event.occurredAt).toBeInstanceOf(Date);
  });

  it("asks once per distinct id; an id the gateway does not know is a raw ERROR event", async () => {
    const id = await sendAndGetId();
    fake.server.reset();
    const events = await polling().pollReports!([id, id, "-1"]);
    expect(fake.server.requests).toHaveLength(2);
    expect(fake.server.requests[0].path).toContain(`/tools/getMessage/8/${id}/`);
    expect(events[1]).toMatchObject({ kind: "raw", providerMessageId: "-1", errorCode: "ERROR" });
  });

  it("rejects the poll on a bad signature or a hang", async () => {
    const wrong = ogangiProvider.create(
      ogangiSettingsFor(fake, { options: { statusPolling: true }, credentials: { instanceId: "8", publicKey: "x", privateKey: "y" } }),
    );
    await expect(wrong.pollReports!(["1"])).rejects.toThrow(ReportPollError);
    fake.server.inject({ type: "hang" });
    const quick = ogangiProvider.create(ogangiSettingsFor(fake, { options: { statusPolling: true }, timeoutMs: 300 }));
    await expect(quick.pollReports!(["1"])).rejects.toThrow(/no reply within 300 ms/);
  });
});

describe("ogangi verifyPhoneNumber (sendSMSPinMobileNumberConfirm)", () => {
  it("sends the PIN request and returns the generated PIN", async () => {
    const settings = ogangiSettingsFor(fake);
    const result = await verifyPhoneNumber(settings, { to: "+58123456789", text: "Your code:", length: 6, carrier: "Movistar" });
    expect(result).toEqual({ ok: true, pin: expect.stringMatching(/^\d{6}$/) });
    expect(fake.pins.at(-1)).toEqual({ to: "58123456789", text: "Your code:", pin: result.ok ? result.pin : "" });
    expect(fake.server.requests.at(-1)!.path).toMatch(/\/tools\/sendSMSPinMobileNumberConfirm\/8\/Movistar\/19893653744\/58123456789\/[\w=-]+\/6\//);
  });

  it("reports a refusal or a bad request as ok: false, never throwing", async () => {
    const settings = ogangiSettingsFor(fake, { credentials: { instanceId: "8", publicKey: "x", privateKey: "y" } });
    expect(await verifyPhoneNumber(settings, { to: "+58123456789", text: "c", length: 6 })).toMatchObject({ ok: false, reason: expect.stringContaining("BAD_SIGNATURE") });
    expect(await verifyPhoneNumber(ogangiSettingsFor(fake), { to: "0412", text: "c", length: 6 })).toMatchObject({ ok: false });
    expect(await verifyPhoneNumber(ogangiSettingsFor(fake), { to: "+58123456789", text: "c", length: 0 })).toMatchObject({ ok: false });
  });
});
