import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startBulksmsFake } from "./fake-bulksms";
import { bulksmsProvider } from "./index";
import { gsmMessage, REPORT_URLS, settingsFor } from "./test-support";
import { SUBMISSION_CODES } from "./codes";

const fake = await startBulksmsFake();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const adapter = () => bulksmsProvider.create(settingsFor(fake, { options: { retryAfterMs: 45_000 } }));

/** Every documented code (and the three seen in the wild), with the outcome it must reach. */
const EXPECTED: [code: string, kind: "rejected" | "retryable" | "unknown", optOut?: true][] = [
  ["1702", "rejected"],
  ["1703", "rejected"],
  ["1704", "rejected"],
  ["1705", "rejected"],
  ["1706", "rejected"],
  ["1707", "rejected"],
  ["1708", "rejected"],
  ["1709", "retryable"],
  ["1710", "rejected"],
  ["1715", "unknown"],
  ["1725", "rejected"],
  ["1732", "rejected"],
  ["1028", "rejected"],
  ["1041", "rejected"],
  ["1042", "rejected", true],
  ["1033", "rejected"],
  ["69", "rejected"],
  ["8", "rejected"],
  ["16", "rejected"],
  ["18", "rejected"],
  ["1025", "rejected"],
  ["1032", "rejected", true],
  ["1035", "rejected", true],
];

describe("submission codes", () => {
  it("covers every code in the table", () => {
    expect(EXPECTED.map(([code]) => code).sort()).toEqual(Object.keys(SUBMISSION_CODES).filter((c) => c !== "1701").sort());
  });

  it.each(EXPECTED)("%s in one destination's tuple reaches %s for that message only", async (code, kind, optOut) => {
    fake.forceCode(code, { destination: "+2348055494002" });
    const [first, second] = await adapter().send({ messages: [gsmMessage(1), gsmMessage(2)], reportUrls: REPORT_URLS });
    expect(first.kind).toBe("accepted");
    expect(second.kind).toBe(kind);
    if (second.kind === "rejected") {
      expect(second).toEqual({ kind, attemptId: "attempt-2", code, reason: SUBMISSION_CODES[code].text, ...(optOut && { optOut }) });
    }
    if (second.kind === "retryable") expect(second).toMatchObject({ code, retryAfterMs: 45_000 });
    if (second.kind === "unknown") expect(second.reason).toContain(code);
  });

  it.each(EXPECTED)("%s as a bare code reaches %s for every message of the request", async (code, kind) => {
    fake.forceCode(code);
    const outcomes = await adapter().send({ messages: [gsmMessage(1), gsmMessage(2)], reportUrls: REPORT_URLS });
    expect(outcomes.map((o) => o.kind)).toEqual([kind, kind]);
  });

  it("reads 1715 as unknown: never re-submitted", async () => {
    fake.forceCode("1715");
    const [outcome] = await adapter().send({ messages: [gsmMessage(1)], reportUrls: REPORT_URLS });
    expect(outcome).toEqual({ kind: "unknown", attemptId: "attempt-1", reason: `1715: ${SUBMISSION_CODES["1715"].text}` });
  });

  it("refuses an unlisted code (an SMPP v3.4 error) without retrying", async () => {
    fake.forceCode("88", { destination: "2348055494001" });
    const [outcome] = await adapter().send({ messages: [gsmMessage(1)], reportUrls: REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "rejected", code: "88", reason: expect.stringContaining("SMPP") });
  });

  it("accepts a bare 1701, without an id to match reports", async () => {
    fake.forceCode("1701");
    const [outcome] = await adapter().send({ messages: [gsmMessage(1)], reportUrls: REPORT_URLS });
    expect(outcome).toEqual({ kind: "accepted", attemptId: "attempt-1", providerMessageId: undefined, raw: "1701" });
  });

  it("lets the account choose which codes opt the contact out", async () => {
    const custom = bulksmsProvider.create(settingsFor(fake, { options: { optOutCodes: ["1732"] } }));
    fake.forceCode("1732", { destination: "2348055494001" });
    fake.forceCode("1035", { destination: "2348055494002" });
    const [dnd, optedOut] = await custom.send({ messages: [gsmMessage(1), gsmMessage(2)], reportUrls: REPORT_URLS });
    expect(dnd).toMatchObject({ kind: "rejected", optOut: true });
    expect(optedOut.kind === "rejected" && optedOut.optOut).toBeFalsy();
  });
});
