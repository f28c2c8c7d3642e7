/**
 * Contract tests of the fake MTTM gateway: the document's own requests, verbatim, get the document's
 * answers, and Jasmin's calls back (batch callbacks, delivery reports) reach a webhook in Jasmin's format.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { httpRequest, type HttpResponse } from "../shared/http";
import { MTTM_ERRORS, startMttmFake, type MttmFake } from "./fake-mttm";
import { startReportReceiver, type ReportReceiver } from "./report-receiver";
import { parseMttmReport } from "./reports";

/** The document's Authorization header, verbatim (it decodes to wester:dkjvbkjb). */
const DOC_AUTH = "Basic d2VzdGVyOmRranZia2pi1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let fake: MttmFake;
let receiver: ReportReceiver;

beforeAll(async () => {
  fake = await startMttmFake({ username: "wester", password: "dkjvbkjb" });
  receiver = await startReportReceiver((_kind, raw) => parseMttmReport(raw, "UTC"));
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
afterEach(() => {
  fake.accepted.length = 0;
  fake.batchResults.length = 0;
  receiver.events.length = 0;
  receiver.requests.length = 0;
});

async function post(path: string, body: string, headers: Record<string, string> = { authorization: DOC_AUTH }): Promise<HttpResponse> {
  const reply = await httpRequest({ method: "POST", url: `${fake.restUrl}${path}`, headers, body, timeoutMs: 2000 });
  if (reply.kind !== "response") throw new Error(reply.reason);
  return reply;
}

async function get(url: string): Promise<HttpResponse> {
  const reply = await httpRequest({ method: "GET", url, timeoutMs: 2000 });
  if (reply.kind !== "response") throw new Error(reply.reason);
  return reply;
}

const recipients = () => fake.accepted.map((m) => ({ to: m.to, from: m.from, text: m.text }));

describe("REST API, the document's examples", () => {
  it("sends a single message and answers Success with the message id", async () => {
    const reply = await post("/secure/send", `{\n    "to": 31612345678,\n    "from": "A Friend",\n    "content": "Hello"\n}`);
    expect(reply.status).toBe(200);
    const data = JSON.parse(reply.body).data as string;
    expect(data).toMatch(/^Success "[0-9a-f-]{36}"$/);
    expect(recipients()).toEqual([{ to: "31612345678", from: "A Friend", text: "Hello" }]);
    expect(data).toBe(`Success "${fake.accepted[0].id}"`);
  });

  it("sends the same message to multiple destinations and answers batchId and messageCount", async () => {
    const body = { messages: [{ to: ["31612345677", "31612345678", "31612345679"], content: "The same message to all three" }] };
    const reply = await post("/secure/sendbatch", JSON.stringify(body));
    expect(reply.status).toBe(200);
    const { data } = JSON.parse(reply.body);
    expect(data).toEqual({ batchId: expect.stringMatching(UUID), messageCount: 3 });
    expect(recipients().map((r) => r.to)).toEqual(["31612345677", "31612345678", "31612345679"]);
  });

  it("sends binary (coding 8, UTF-16BE hex) single and batch messages: d83edd23 is the emoji 🤣", async () => {
    const single = await post("/secure/send", JSON.stringify({ to: "31612345677", from: "A Friend", coding: 8, hex_content: "d83edd23" }));
    expect(single.status).toBe(200);
    const batch = await post("/secure/sendbatch", JSON.stringify({ messages: [{ to: ["31612345677", "31612345678", "31612345679"], hex_content: "d83edd23" }] }));
    expect(JSON.parse(batch.body).data.messageCount).toBe(3);
    expect(fake.accepted[0]).toMatchObject({ coding: 8, text: "🤣", parts: 1 });
    // The batch example sends no coding: Jasmin uses coding 0 and treats the bytes as 8-bit data.
    expect(fake.accepted.slice(1).map((m) => m.coding)).toEqual([0, 0, 0]);
  });

  it("example 1: different messages to different numbers", async () => {
    const example1 = {
      messages: [
        { from: "Sender1", to: ["31612345677", "31612345678", "31612345679"], content: "Message 1 goes to 3 numbers" },
        { from: "Sender2", to: ["31622222222", "31622222223", "31622222224"], content: "Message 2 goes to 3 numbers" },
        { from: "Sender3", to: "31622222225", content: "Message 3 goes to 1 number" },
      ],
    };
    const reply = await post("/secure/sendbatch", JSON.stringify(example1));
    expect(JSON.parse(reply.body).data.messageCount).toBe(7);
    expect(recipients()).toEqual([
      { to: "31612345677", from: "Sender1", text: "Message 1 goes to 3 numbers" },
      { to: "31612345678", from: "Sender1", text: "Message 1 goes to 3 numbers" },
      { to: "31612345679", from: "Sender1", text: "Message 1 goes to 3 numbers" },
      { to: "31622222222", from: "Sender2", text: "Message 2 goes to 3 numbers" },
      { to: "31622222223", from: "Sender2", text: "Message 2 goes to 3 numbers" },
      { to: "31622222224", from: "Sender2", text: "Message 2 goes to 3 numbers" },
      { to: "31622222225", from: "Sender3", text: "Message 3 goes to 1 number" },
    ]);
  });

  it("example 2: globals are inherited, a local from wins, level-3 reports for all", async () => {
    const example2 = {
      globals: { from: "Sender2", "dlr-level": 3, dlr: "yes", "dlr-url": "http://DLR.server/url" },
      messages: [
        { from: "Sender1", to: ["31622222222", "3162222223", "3162222224"], content: "Message 1 goes to 3 numbers" },
        { to: ["31612345677", "31612345678"], content: "Message 2 goes to 3 numbers" },
        { to: "3163333333", content: "Message 3 goes to 1 number" },
      ],
    };
    const reply = await post("/secure/sendbatch", JSON.stringify(example2));
    expect(JSON.parse(reply.body).data.messageCount).toBe(6);
    expect(fake.accepted.map((m) => [m.to, m.from])).toEqual([
      ["31622222222", "Sender1"],
      ["3162222223", "Sender1"],
      ["3162222224", "Sender1"],
      ["31612345677", "Sender2"],
      ["31612345678", "Sender2"],
      ["3163333333", "Sender2"],
    ]);
    for (const m of fake.accepted) expect(m.dlr).toEqual({ url: "http://DLR.server/url", level: 3, method: "POST" });
  });

  it("example 3: callbacks carry batchId, to, status and statusText", async () => {
    const example3 = {
      batch_config: { callback_url: "http://callback.url:80/successful_batch", errback_url: "http://callback.url:80/errored_batch" },
      messages: [{ to: ["3162222222"], from: "sender", coding: 8, hex_content: "d83edd23" }],
    };
    const reply = await post("/secure/sendbatch", JSON.stringify(example3));
    const { batchId, messageCount } = JSON.parse(reply.body).data;
    expect(messageCount).toBe(1);
    const id = fake.accepted[0].id;
    expect(fake.batchResults).toEqual([
      { batchId, to: "3162222222", status: 1, statusText: `Success "${id}"`, url: "http://callback.url:80/successful_batch", messageId: id },
    ]);
  });

  it("example 3 with reachable URLs: the callback arrives as the document's GET", async () => {
    const example3 = {
      batch_config: { callback_url: receiver.urls.batchCallback, errback_url: receiver.urls.batchErrback },
      messages: [{ to: ["3162222222"], from: "sender", coding: 8, hex_content: "d83edd23" }],
    };
    const { batchId } = JSON.parse((await post("/secure/sendbatch", JSON.stringify(example3))).body).data;
    await fake.fireBatchCallbacks(batchId);
    const id = fake.accepted[0].id;
    expect(receiver.requests[0]).toMatchObject({ method: "GET", body: "" });
    expect(receiver.requests[0].query).toEqual({ batchId, to: "3162222222", status: "1", statusText: `Success "${id}"` });
    expect(receiver.events).toEqual([{ kind: "batch-result", batchId, to: "+3162222222", accepted: true, providerMessageId: id }]);
  });

  it("scheduling: the document's 2019 date is refused as past, a future date and 86400s are accepted", async () => {
    const past = await post("/secure/sendbatch", JSON.stringify({ batch_config: { schedule_at: "2019-12-31 23:59:00" }, messages: [{ to: "3162222222", content: "Happy New Year" }] }));
    expect(past.status).toBe(412);
    expect(JSON.parse(past.body).title).toBe("Cannot schedule batch in past date");
    const nextYear = new Date().getUTCFullYear() + 1;
    const future = await post("/secure/sendbatch", JSON.stringify({ batch_config: { schedule_at: `${nextYear}-12-31 23:59:00` }, messages: [{ to: "3162222222", content: "Happy New Year" }] }));
    expect(JSON.parse(future.body).data).toMatchObject({ messageCount: 1, scheduled: expect.stringMatching(/^\d+s$/) });
    const delay = await post("/secure/sendbatch", JSON.stringify({ batch_config: { schedule_at: "86400s" }, messages: [{ to: "3162222222", content: "A Day Passed" }] }));
    expect(JSON.parse(delay.body).data).toMatchObject({ messageCount: 1, scheduled: "86400s" });
    expect(fake.accepted.at(-1)).toMatchObject({ text: "A Day Passed", scheduleSeconds: 86400 });
    const bad = await post("/secure/sendbatch", JSON.stringify({ batch_config: { schedule_at: "tomorrow" }, messages: [{ to: "3162222222", content: "x" }] }));
    expect(bad.status).toBe(412);
  });
});

describe("REST API strictness", () => {
  it("answers 401 without or with a malformed Authorization header", async () => {
    const variants: Record<string, string>[] = [{}, { authorization: "Bearer abc" }, { authorization: "Basic bm9jb2xvbg==" }];
    for (const headers of variants) {
      const reply = await post("/secure/send", JSON.stringify({ to: "31612345678", content: "x" }), headers);
      expect(reply.status).toBe(401);
    }
  });

  it("answers 401 for wrong credentials in the document's style, 403/412 in Jasmin's", async () => {
    const wrong = { authorization: `Basic ${Buffer.from("wester:nope").toString("base64")}` };
    expect((await post("/secure/send", JSON.stringify({ to: "1", content: "x" }), wrong)).status).toBe(401);
    const jasmin = await startMttmFake({ username: "wester", password: "dkjvbkjb", replyStyle: "jasmin" });
    try {
      const send = await httpRequest({ method: "POST", url: `${jasmin.restUrl}/secure/send`, headers: wrong, body: JSON.stringify({ to: "1", content: "x" }), timeoutMs: 2000 });
      expect(send).toMatchObject({ status: 403, body: JSON.stringify({ message: 'Error "Authentication failure for username:wester' }) });
      const batch = await httpRequest({ method: "POST", url: `${jasmin.restUrl}/secure/sendbatch`, headers: wrong, body: "{}", timeoutMs: 2000 });
      expect(batch).toMatchObject({ status: 412 });
    } finally {
      await jasmin.close();
    }
  });

  it("refuses parameters Jasmin does not know, and bad JSON", async () => {
    const unknown = await post("/secure/send", JSON.stringify({ to: "31612345678", content: "x", flash: true }));
    expect(unknown.status).toBe(400);
    const notJson = await post("/secure/send", "{to: 1");
    expect(notJson.status).toBe(412);
    const unknownTop = await post("/secure/sendbatch", JSON.stringify({ messages: [], options: {} }));
    expect(unknownTop.status).toBe(400);
    const unknownConfig = await post("/secure/sendbatch", JSON.stringify({ messages: [], batch_config: { retries: "3" } }));
    expect(unknownConfig.status).toBe(400);
  });

  it("accepts a batch whose members fail, and reports them only through errbacks", async () => {
    fake.failDestination("31600000002", MTTM_ERRORS.noRoute);
    const body = {
      globals: { foo: "bar" },
      batch_config: { callback_url: receiver.urls.batchCallback, errback_url: receiver.urls.batchErrback },
      messages: [{ to: ["31600000001"], content: "hi" }],
    };
    const reply = await post("/secure/sendbatch", JSON.stringify(body));
    expect(reply.status).toBe(200);
    const { batchId } = JSON.parse(reply.body).data;
    await fake.fireBatchCallbacks(batchId);
    expect(receiver.events).toEqual([
      { kind: "batch-result", batchId, to: "+31600000001", accepted: false, errorText: 'HTTPAPI error: Error "Argument [foo] is unknown."' },
    ]);
    const routed = await post("/secure/sendbatch", JSON.stringify({ ...body, globals: {}, messages: [{ to: ["31600000002", "31600000003"], content: "hi" }] }));
    await fake.fireBatchCallbacks(JSON.parse(routed.body).data.batchId);
    expect(receiver.events.slice(1).map((e) => e.kind === "batch-result" && [e.to, e.accepted, e.errorText])).toEqual([
      ["+31600000002", false, 'HTTPAPI error: Error "No route found"'],
      ["+31600000003", true, undefined],
    ]);
  });

  it("silently truncates past five parts, as Jasmin does", async () => {
    await post("/secure/send", JSON.stringify({ to: "31612345678", content: "x".repeat(153 * 6) }));
    expect(fake.accepted[0]).toMatchObject({ parts: 5, truncated: true });
  });
});

describe("HTTP API, the document's examples", () => {
  it("answers the example URLs (the double && included) with Success and the message id", async () => {
    const http = await startMttmFake({ username: "USER", password: "PASSWORD" });
    try {
      const short = await get(`${http.httpUrl}/send?username=USER&password=PASSWORD&&from=31602030501&to=31612030501&content=hello`);
      expect(short.status).toBe(200);
      expect(short.body).toMatch(/^Success "[0-9a-f-]{36}"$/);
      const long = await get(`${http.httpUrl}/send?username=USER&password=PASSWORD&from=Fred&to=31612030501&content=This%20is%20a%20long%20message`);
      expect(long.status).toBe(200);
      expect(http.accepted.map((m) => [m.from, m.text])).toEqual([
        ["31602030501", "hello"],
        ["Fred", "This is a long message"],
      ]);
    } finally {
      await http.close();
    }
  });

  it.each([
    ["", 400, 'Error "Mandatory arguments not found, please refer to the HTTPAPI specifications."'],
    ["username=wester&password=dkjvbkjb&to=316&content=x&foo=1", 400, 'Error "Argument [foo] is unknown."'],
    ["username=wester&password=dkjvbkjb&to=DESTINATION&content=x", 400, 'Error "Argument [to] has an invalid value: [DESTINATION]."'],
    ["username=wester&password=dkjvbkjb&content=x", 400, 'Error "Mandatory argument [to] is not found."'],
    ["username=wester&password=dkjvbkjb&to=316", 400, 'Error "content or hex-content not present."'],
    ["username=wester&password=wrong&to=316&content=x", 403, 'Error "Authentication failure for username:wester"'],
  ])("answers %j with %i %s", async (query, status, body) => {
    const reply = await get(`${fake.httpUrl}/send?${query}`);
    expect([reply.status, reply.body]).toEqual([status, body]);
  });

  it("answers /ping with Jasmin/PONG on both APIs", async () => {
    expect((await get(`${fake.httpUrl}/ping`)).body).toBe("Jasmin/PONG");
    expect(JSON.parse((await get(`${fake.restUrl}/ping`)).body)).toEqual({ data: "Jasmin/PONG" });
  });
});

describe("delivery reports", () => {
  it("throws level 1 and level 2 reports by form POST (Jasmin's default) and sees ACK/Jasmin", async () => {
    await post("/secure/send", JSON.stringify({ to: "31612345678", content: "Hello", "dlr-url": receiver.urls.deliveryReport, "dlr-level": 3 }));
    const { id } = fake.accepted[0];
    const first = await fake.sendReport(id, { level: 1 });
    const second = await fake.sendReport(id, { level: 2, status: "DELIVRD" });
    expect([first.acknowledged, second.acknowledged]).toEqual([true, true]);
    expect(receiver.requests.map((r) => [r.method, r.headers["content-type"]])).toEqual([
      ["POST", "application/x-www-form-urlencoded"],
      ["POST", "application/x-www-form-urlencoded"],
    ]);
    expect(receiver.events).toEqual([
      { kind: "status", providerMessageId: id, state: "sent", rawStatus: "ESME_ROK" },
      expect.objectContaining({ kind: "status", providerMessageId: id, state: "delivered", rawStatus: "DELIVRD" }),
    ]);
  });

  it("uses GET when the request said dlr-method GET, and refuses levels that were not asked for", async () => {
    await post("/secure/send", JSON.stringify({ to: "31612345678", content: "Hello", "dlr-url": receiver.urls.deliveryReport, "dlr-method": "get" }));
    const { id } = fake.accepted[0];
    await fake.sendReport(id, { level: 1, status: "ESME_RINVDSTADR" });
    expect(receiver.requests[0]).toMatchObject({ method: "GET", query: { id, level: "1", message_status: "ESME_RINVDSTADR", connector: "mttm-smsc" } });
    expect(() => fake.sendReport(id, { level: 2, status: "DELIVRD" })).toThrow(/dlr-level 1/);
  });

  it("in auto mode sends callbacks and reports in either order", async () => {
    for (const order of ["callbacks-first", "reports-first"] as const) {
      const auto = await startMttmFake({ username: "wester", password: "dkjvbkjb", callbacks: "auto", autoReports: { order } });
      try {
        const body = {
          globals: { "dlr-level": 3, "dlr-url": receiver.urls.deliveryReport },
          batch_config: { callback_url: receiver.urls.batchCallback, errback_url: receiver.urls.batchErrback },
          messages: [{ to: ["31612345678"], content: "Hi" }],
        };
        await httpRequest({ method: "POST", url: `${auto.restUrl}/secure/sendbatch`, headers: { authorization: DOC_AUTH }, body: JSON.stringify(body), timeoutMs: 2000 });
        await auto.settled();
        const kinds = receiver.events.splice(0).map((e) => (e.kind === "status" ? e.rawStatus : e.kind));
        expect(kinds).toEqual(order === "callbacks-first" ? ["batch-result", "ESME_ROK", "DELIVRD"] : ["ESME_ROK", "DELIVRD", "batch-result"]);
        expect(auto.deliveries.every((d) => d.acknowledged)).toBe(true);
      } finally {
        await auto.close();
      }
    }
  });
});
