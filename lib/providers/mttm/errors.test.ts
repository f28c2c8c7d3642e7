/**
 * Every documented MTTM refusal, and every way a reply can go wrong, reaches the outcome NOTES.md asks for
 * ("Retrying safely"): retry only what provably was not queued, `unknown` for anything that may have been.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SendOutcome } from "../types";
import { MTTM_ERRORS, startMttmFake, type MttmError, type MttmFake } from "./fake-mttm";
import { fakeAdapter, outgoing, UNUSED_REPORT_URLS } from "./test-support";

let fake: MttmFake;
beforeAll(async () => {
  fake = await startMttmFake();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.rest.reset();
  fake.http.reset();
});

const one = [outgoing("a1", "+31612345678", "Hello")];
const two = [outgoing("a1", "+31612345678", "Hello"), outgoing("a2", "+31612345679", "Hello")];

type Expected = Pick<SendOutcome, "kind"> & { code?: string; retryAfterMs?: number };

/** The documented refusals (mttm.md's table and NOTES.md) and what each must become. */
const REFUSALS: [string, MttmError, Expected][] = [
  ["403 User throughput exceeded", MTTM_ERRORS.throughput, { kind: "retryable", code: "403", retryAfterMs: 1000 }],
  ["403 Authentication failure", MTTM_ERRORS.authentication, { kind: "rejected", code: "403" }],
  ["403 Authorization failed", MTTM_ERRORS.authorization, { kind: "rejected", code: "403" }],
  ["403 Cannot charge submit_sm", MTTM_ERRORS.charging, { kind: "rejected", code: "403" }],
  ["412 No route found", MTTM_ERRORS.noRoute, { kind: "rejected", code: "412" }],
  ["500 Cannot send submit_sm", MTTM_ERRORS.submitFailed, { kind: "retryable", code: "500" }],
  ["503 gateway not ready", MTTM_ERRORS.notReady, { kind: "retryable", code: "503" }],
  ["400 credential rules (dynamic message)", MTTM_ERRORS.credentials, { kind: "rejected", code: "400" }],
  ["400 Mandatory arguments not found", { status: 400, text: "Mandatory arguments not found, please refer to the HTTPAPI specifications." }, { kind: "rejected", code: "400" }],
  ["400 Argument _ is unknown", { status: 400, text: "Argument [flash] is unknown." }, { kind: "rejected", code: "400" }],
  ["400 Argument _ has an invalid value", { status: 400, text: "Argument [to] has an invalid value: [x]." }, { kind: "rejected", code: "400" }],
  ["400 Mandatory argument _ is not found", { status: 400, text: "Mandatory argument [to] is not found." }, { kind: "rejected", code: "400" }],
  ["500 Unknown error", { status: 500, text: "Unknown error: boom" }, { kind: "unknown" }],
  ["502 from a proxy", { status: 502, text: "Bad Gateway" }, { kind: "unknown" }],
  ["504 from a proxy", { status: 504, text: "Gateway Timeout" }, { kind: "unknown" }],
];

const check = (outcome: SendOutcome, expected: Expected) => {
  expect(outcome).toMatchObject(expected);
  if (outcome.kind === "rejected" || outcome.kind === "retryable") expect(outcome.reason.length).toBeGreaterThan(5);
};

describe.each(REFUSALS)("%s", (_name, error, expected) => {
  it("from REST /secure/send (the gateway's own /send answer)", async () => {
    fake.failNext(error);
    const [outcome] = await fakeAdapter(fake).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    check(outcome, expected);
  });

  it("from the HTTP API", async () => {
    fake.failNext(error);
    const [outcome] = await fakeAdapter(fake, { transport: "http" }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    check(outcome, expected);
  });

  it("for a whole REST batch, every message alike", async () => {
    fake.failNextRequest("rest", error);
    const outcomes = await fakeAdapter(fake).send({ messages: two, reportUrls: UNUSED_REPORT_URLS });
    outcomes.forEach((o) => check(o, expected));
    expect(outcomes.map((o) => o.attemptId)).toEqual(["a1", "a2"]);
  });
});

describe("authentication", () => {
  it("401 (wrong credentials, as the document promises) is rejected on both REST endpoints", async () => {
    const wrong = { credentials: { username: "mttm-user", password: "wrong" } };
    for (const messages of [one, two]) {
      const outcomes = await fakeAdapter(fake, {}, wrong).send({ messages, reportUrls: UNUSED_REPORT_URLS });
      for (const o of outcomes) expect(o).toMatchObject({ kind: "rejected", code: "401" });
    }
  });

  it("Jasmin's own 403 (send) and 412 Authentication failed (batch) are rejected too", async () => {
    const jasmin = await startMttmFake({ replyStyle: "jasmin" });
    try {
      const wrong = { credentials: { username: "mttm-user", password: "wrong" } };
      const [single] = await fakeAdapter(jasmin, {}, wrong).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
      expect(single).toMatchObject({ kind: "rejected", code: "403", reason: expect.stringContaining("Authentication failure") });
      const batch = await fakeAdapter(jasmin, {}, wrong).send({ messages: two, reportUrls: UNUSED_REPORT_URLS });
      expect(batch[0]).toMatchObject({ kind: "rejected", code: "412", reason: expect.stringContaining("Authentication failed") });
    } finally {
      await jasmin.close();
    }
  });

  it("a 403 on the HTTP API for wrong credentials is rejected", async () => {
    const [outcome] = await fakeAdapter(fake, { transport: "http" }, { credentials: { username: "x", password: "y" } }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "rejected", code: "403" });
  });
});

describe("transport failures", () => {
  it("a hang becomes unknown within the account's timeout", async () => {
    fake.rest.inject({ type: "hang" });
    const started = Date.now();
    const [outcome] = await fakeAdapter(fake, {}, { timeoutMs: 300 }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("300 ms") });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a dropped connection after the request left is unknown; a refused connection is retryable", async () => {
    fake.rest.inject({ type: "drop" });
    const dropped = await fakeAdapter(fake).send({ messages: two, reportUrls: UNUSED_REPORT_URLS });
    expect(dropped.map((o) => o.kind)).toEqual(["unknown", "unknown"]);
    const refused = await fakeAdapter(fake, {}, { baseUrl: "http://127.0.0.1:9" }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    expect(refused[0]).toMatchObject({ kind: "retryable", code: "connection", retryAfterMs: 1000 });
  });

  it("an abort while waiting for the reply is unknown", async () => {
    fake.rest.inject({ type: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const [outcome] = await fakeAdapter(fake).send({ messages: one, reportUrls: UNUSED_REPORT_URLS, signal: controller.signal });
    expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("aborted") });
  });

  it("a 404 (a base URL without the API) is rejected, never retried", async () => {
    const [outcome] = await fakeAdapter(fake, {}, { baseUrl: `${fake.restUrl}/v2` }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "rejected", code: "404" });
  });
});

describe("malformed or hostile 200 replies are unknown, never accepted", () => {
  const HOSTILE: [string, string][] = [
    ["HTML", "<html><body><h1>Welcome to nginx</h1></body></html>"],
    ["truncated JSON", '{"data": {"batchId": "8c6c9f9a-e434-4ab0-80ee-0'],
    ["wrong types", '{"data": {"batchId": 42, "messageCount": "2"}}'],
    ["an empty id", '{"data": "Success \\"\\""}'],
    ["an error in data", '{"data": "Error \\"No route found\\""}'],
    ["an id with spaces", '{"data": "Success \\"not an id\\""}'],
    ["a JSON array", "[1, 2]"],
    ["an empty body", ""],
  ];

  it.each(HOSTILE)("REST single: %s", async (_name, body) => {
    fake.rest.inject({ type: "malformed", body });
    const [outcome] = await fakeAdapter(fake).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("200 but") });
  });

  it.each(HOSTILE)("REST batch: %s", async (_name, body) => {
    fake.rest.inject({ type: "malformed", body });
    const outcomes = await fakeAdapter(fake).send({ messages: two, reportUrls: UNUSED_REPORT_URLS });
    expect(outcomes.map((o) => o.kind)).toEqual(["unknown", "unknown"]);
  });

  it("a batch reply counting fewer messages than we sent is unknown for all", async () => {
    fake.rest.inject({ type: "malformed", body: '{"data": {"batchId": "8c6c9f9a-e434-4ab0-80ee-030ebe127a68", "messageCount": 1}}' });
    const outcomes = await fakeAdapter(fake).send({ messages: two, reportUrls: UNUSED_REPORT_URLS });
    expect(outcomes[0]).toMatchObject({ kind: "unknown", reason: expect.stringContaining("counted 1 of our 2") });
  });

  it("HTTP API: anything but Success is unknown", async () => {
    for (const body of ["OK", 'Success "', "<html>", 'Error "No route found"']) {
      fake.http.inject({ type: "malformed", body });
      const [outcome] = await fakeAdapter(fake, { transport: "http" }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
      expect(outcome.kind).toBe("unknown");
    }
  });

  it("a reply larger than the client accepts is unknown; a huge error body is cut short in the reason", async () => {
    const huge = await startHugeReplyServer();
    try {
      const [outcome] = await fakeAdapter(fake, {}, { baseUrl: huge.url }).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
      expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("larger than") });
    } finally {
      await huge.close();
    }
    fake.rest.inject({ type: "status", status: 400, body: `Error "${"x".repeat(100_000)}"` });
    const [refused] = await fakeAdapter(fake).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
    expect(refused.kind === "rejected" && refused.reason.length).toBeLessThan(300);
  });

  it("Jasmin's own reply form (no closing quote) is read as a success", async () => {
    const jasmin = await startMttmFake({ replyStyle: "jasmin" });
    try {
      const [outcome] = await fakeAdapter(jasmin).send({ messages: one, reportUrls: UNUSED_REPORT_URLS });
      expect(outcome).toEqual({ kind: "accepted", attemptId: "a1", providerMessageId: jasmin.accepted[0].id });
    } finally {
      await jasmin.close();
    }
  });
});

/** A server answering 200 with 5 MB, more than the shared HTTP client reads. */
async function startHugeReplyServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(`{"data": "${"A".repeat(5 * 1024 * 1024)}"}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
