/**
 * The report parser on every format Jasmin sends: batch callbacks and errbacks (GET), delivery reports at
 * level 1 and level 2 (GET and form POST), duplicates, unknown ids and requests that are not Jasmin's.
 */
import { describe, expect, it } from "vitest";
import type { RawRequest } from "../types";
import { JASMIN_ACK, parseMttmReport } from "./reports";

const get = (query: string): RawRequest => ({ method: "GET", headers: {}, query: Object.fromEntries(new URLSearchParams(query)), body: "" });
const post = (body: string, contentType = "application/x-www-form-urlencoded"): RawRequest => ({
  method: "POST",
  headers: { "Content-Type": contentType },
  query: {},
  body,
});
const parse = (request: RawRequest, timeZone = "UTC") => parseMttmReport(request, timeZone);
const ID = "16fd2706-8baf-433b-82eb-8c7fada847da";

describe("batch callbacks", () => {
  it("reads the document's callback exactly and answers 200", () => {
    const doc = get(
      "batchId=cdc7bcaa-17c1-4302-8926-210edf08052d&to=3162222222&status=1&statusText=Success+%220b10eb6c-840b-41a5-8326-ebcf58ea6695%22",
    );
    expect(parse(doc)).toEqual({
      items: [
        {
          kind: "batch-result",
          batchId: "cdc7bcaa-17c1-4302-8926-210edf08052d",
          to: "+3162222222",
          accepted: true,
          providerMessageId: "0b10eb6c-840b-41a5-8326-ebcf58ea6695",
        },
      ],
      reply: { status: 200, body: JASMIN_ACK, contentType: "text/plain" },
    });
  });

  it("reads a statusText without its closing quote (Jasmin strips it in some versions)", () => {
    const [event] = parse(get(`batchId=b1&to=%2B3162222222&status=1&statusText=${encodeURIComponent('Success "' + ID)}`)).items;
    expect(event).toMatchObject({ accepted: true, providerMessageId: ID, to: "+3162222222" });
  });

  it("reads errbacks with their text", () => {
    for (const text of ['HTTPAPI error: Error "No route found"', 'HTTPAPI error: Error "No route found', "HTTPAPI Connection error: refused", "Unknown error: x"]) {
      const [event] = parse(get(`batchId=b1&to=3162222222&status=0&statusText=${encodeURIComponent(text)}`)).items;
      expect(event).toEqual({ kind: "batch-result", batchId: "b1", to: "+3162222222", accepted: false, errorText: text });
    }
  });

  it("keeps an accepted callback whose id cannot be read, saying so", () => {
    const [event] = parse(get("batchId=b1&to=3162222222&status=1&statusText=Success")).items;
    expect(event).toMatchObject({ accepted: true, errorText: expect.stringContaining("message id not found") });
    expect(event).not.toHaveProperty("providerMessageId");
  });
});

describe("delivery reports, level 1 (SMSC)", () => {
  it("ESME_ROK means sent; any other ESME code means failed, by GET or form POST", () => {
    expect(parse(get(`id=${ID}&message_status=ESME_ROK&level=1&connector=smsc1`)).items).toEqual([
      { kind: "status", providerMessageId: ID, state: "sent", rawStatus: "ESME_ROK" },
    ]);
    expect(parse(post(`id=${ID}&message_status=ESME_RINVNUMDESTS&level=1`)).items).toEqual([
      { kind: "status", providerMessageId: ID, state: "failed", rawStatus: "ESME_RINVNUMDESTS", errorCode: "ESME_RINVNUMDESTS" },
    ]);
  });

  it("answers exactly ACK/Jasmin, or Jasmin would send the report again", () => {
    expect(parse(get(`id=${ID}&message_status=ESME_ROK&level=1`)).reply).toEqual({ status: 200, body: "ACK/Jasmin", contentType: "text/plain" });
  });
});

describe("delivery reports, level 2 (handset)", () => {
  const receipt = (status: string, err = "000") =>
    `id=${ID}&level=2&message_status=${status}&id_smsc=2567&sub=001&dlvrd=001&subdate=1311022338&donedate=1311022339&err=${err}&text=Hello+foo+bar&connector=smsc1`;

  it.each([
    ["DELIVRD", "delivered"],
    ["EXPIRED", "expired"],
    ["DELETED", "undelivered"],
    ["UNDELIV", "undelivered"],
    ["ACCEPTD", "sent"],
    ["REJECTD", "failed"],
    ["ENROUTE", "sent"],
  ])("%s means %s, by form POST and by GET alike", (status, state) => {
    const fromPost = parse(post(receipt(status)));
    const fromGet = parse(get(receipt(status)));
    expect(fromPost).toEqual(fromGet);
    expect(fromPost.items).toEqual([{ kind: "status", providerMessageId: ID, state, rawStatus: status, occurredAt: new Date("2013-11-02T23:39:00Z") }]);
    expect(fromPost.reply.body).toBe("ACK/Jasmin");
  });

  it("UNKNOWN and statuses no one documents are kept raw, leaving the state alone", () => {
    expect(parse(post(receipt("UNKNOWN", "069"))).items).toEqual([{ kind: "raw", providerMessageId: ID, rawStatus: "UNKNOWN", errorCode: "069" }]);
    expect(parse(post(receipt("BUFFRED"))).items).toEqual([{ kind: "raw", providerMessageId: ID, rawStatus: "BUFFRED" }]);
  });

  it("keeps the network error code and reads donedate in the gateway's zone", () => {
    const [event] = parse(post(receipt("UNDELIV", "069")), "Europe/Amsterdam").items;
    expect(event).toMatchObject({ state: "undelivered", errorCode: "069", occurredAt: new Date("2013-11-02T22:39:00Z") });
  });

  it("ignores a donedate that is not a date", () => {
    const [event] = parse(post(`id=${ID}&level=2&message_status=DELIVRD&donedate=1399999999`)).items;
    expect(event).not.toHaveProperty("occurredAt");
  });

  it("reads a form body sent with a charset or without a content type, and merges the query", () => {
    expect(parse(post(`id=${ID}&message_status=DELIVRD&level=2`, "application/x-www-form-urlencoded; charset=utf-8")).items).toHaveLength(1);
    expect(parse(post(`id=${ID}&message_status=DELIVRD&level=2`, "")).items).toHaveLength(1);
    const split: RawRequest = { ...post("message_status=DELIVRD&level=2"), query: { id: ID } };
    expect(parse(split).items).toEqual([{ kind: "status", providerMessageId: ID, state: "delivered", rawStatus: "DELIVRD" }]);
  });
});

describe("duplicates, unknown ids and foreign requests", () => {
  it("parses a repeated report the same way each time (deduplication is the engine's)", () => {
    const request = post(`id=${ID}&level=2&message_status=DELIVRD`);
    expect(parse(request)).toEqual(parse(request));
  });

  it("parses a report for an id nobody knows (matching is the engine's)", () => {
    expect(parse(get("id=00000000-0000-0000-0000-000000000000&message_status=DELIVRD&level=2")).items[0]).toMatchObject({ state: "delivered" });
  });

  it.each([
    ["an empty request", get("")],
    ["a JSON body", post(JSON.stringify({ id: ID, message_status: "DELIVRD" }), "application/json")],
    ["a report without an id", get("message_status=DELIVRD&level=2")],
    ["an id with spaces", get("id=a%20b&message_status=DELIVRD")],
    ["a 10 kB id", get(`id=${"a".repeat(10_000)}&message_status=DELIVRD`)],
    ["a status with markup", get(`id=${ID}&message_status=%3Cscript%3E`)],
    ["a callback with status 2", get("batchId=b1&to=316&status=2&statusText=x")],
    ["a callback without to", get("batchId=b1&status=1&statusText=x")],
    ["a callback with a non-numeric to", get("batchId=b1&to=abc&status=1&statusText=x")],
  ])("answers %s with 400 and no events", (_name, request) => {
    const parsed = parse(request);
    expect(parsed.items).toEqual([]);
    expect(parsed.reply.status).toBe(400);
  });
});

describe("batch errbacks that prove nothing was queued", () => {
  it("mark throughput and queue refusals retryable, other refusals final", async () => {
    const errback = (statusText: string) => get(new URLSearchParams({ batchId: "b1", to: "31612345678", status: "0", statusText }).toString());
    const throughput = parseMttmReport(errback('Error "User throughput exceeded"'), "UTC").items[0];
    const noRoute = parseMttmReport(errback('Error "No route found"'), "UTC").items[0];
    expect(throughput).toMatchObject({ kind: "batch-result", accepted: false, retryable: true });
    expect(noRoute).toMatchObject({ kind: "batch-result", accepted: false });
    expect(noRoute).not.toHaveProperty("retryable");
  });
});
