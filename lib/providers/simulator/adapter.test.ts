import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeServer, type FakeServer } from "../shared/fake-server";
import type { OutgoingMessage, RawRequest, ReportUrls } from "../types";
import { createSimulatorAdapter } from "./adapter";
import { simulatorProvider } from "./index";
import { simulatorOptionsSchema, type SimulatorOptions } from "./settings";
import { simulateReply } from "./simulate-reply";

/** Our webhook routes stand-in: a local HTTP server that records what the simulator posts. */
let hooks: FakeServer;
let urls: ReportUrls;

beforeAll(async () => {
  hooks = await startFakeServer(() => ({ status: 200, body: "{}", contentType: "application/json" }));
  const base = `${hooks.url}/api/webhooks/the-token`;
  urls = { deliveryReport: `${base}/report`, batchCallback: `${base}/batch-callback`, batchErrback: `${base}/batch-errback`, inbound: `${base}/inbound` };
});
afterAll(() => hooks.close());
beforeEach(() => hooks.reset());

const message = (n: number, to = `+3161234${String(n).padStart(4, "0")}`): OutgoingMessage => ({ attemptId: `a${n}`, to, text: "Hello", encoding: "GSM7", segments: 1 });

function adapter(options: Partial<SimulatorOptions>, random?: () => number) {
  const settings = {
    baseUrl: "simulator://local",
    credentials: {},
    options: simulatorOptionsSchema.parse({ rejectShare: 0, replyShare: 0, delayMs: 10, replyDelayMs: 10, ...options }),
    defaultSender: "ACME",
    timeoutMs: 1000,
    batchSize: 1000,
  };
  return createSimulatorAdapter(settings, random ? { random } : {});
}

/** mulberry32: a small seeded generator, so share tests are repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const asRaw = (r: FakeServer["requests"][number]): RawRequest => ({ method: r.method, headers: { "content-type": String(r.headers["content-type"]) }, query: {}, body: r.body });

async function requestsTo(suffix: string, count: number) {
  await vi.waitFor(() => expect(hooks.requests.filter((r) => r.path.endsWith(suffix)).length).toBeGreaterThanOrEqual(count), { timeout: 3000 });
  return hooks.requests.filter((r) => r.path.endsWith(suffix));
}

describe("simulator adapter", () => {
  it("accepts every message with a fresh id, then posts delivered reports its own parser reads", async () => {
    const sim = adapter({ deliverShare: 1, undeliverShare: 0, failShare: 0 });
    const outcomes = await sim.send({ messages: [message(1), message(2)], reportUrls: urls });
    expect(outcomes).toEqual([
      { kind: "accepted", attemptId: "a1", providerMessageId: expect.stringMatching(/^sim-/) },
      { kind: "accepted", attemptId: "a2", providerMessageId: expect.stringMatching(/^sim-/) },
    ]);
    const [post] = await requestsTo("/report", 1);
    expect(post).toMatchObject({ method: "POST", headers: { "content-type": "application/json" } });
    const events = sim.parseReport!("report", asRaw(post)).items;
    expect(events).toEqual(
      outcomes.map((o) => ({
        kind: "status",
        providerMessageId: o.kind === "accepted" ? o.providerMessageId : "",
        state: "delivered",
        rawStatus: "DELIVERED",
        occurredAt: expect.any(Date),
      })),
    );
  });

  it("rejects a configurable share with a realistic code, and invalid numbers always", async () => {
    const sim = adapter({ rejectShare: 1 });
    expect(await sim.send({ messages: [message(1), message(2, "0612")], reportUrls: urls })).toEqual([
      { kind: "rejected", attemptId: "a1", code: "21", reason: "Destination number not in service" },
      { kind: "rejected", attemptId: "a2", code: "22", reason: "Invalid destination number" },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hooks.requests).toHaveLength(0);
  });

  it("splits messages between rejected, delivered, undelivered, failed and unreported by their shares", async () => {
    // Pushes collected in memory here; the tests above and below prove them over HTTP.
    const bodies: unknown[] = [];
    const sim = createSimulatorAdapter(
      { baseUrl: "simulator://local", credentials: {}, options: simulatorOptionsSchema.parse({ rejectShare: 0.1, deliverShare: 0.4, undeliverShare: 0.2, failShare: 0.2, replyShare: 0 }), timeoutMs: 1000, batchSize: 1000 },
      { random: seededRandom(42), schedule: (_ms, task) => task(), post: async (_url, body) => (bodies.push(body), { ok: true, status: 200 }) },
    );
    const total = 2000;
    const outcomes = await sim.send({ messages: Array.from({ length: total }, (_, i) => message(i)), reportUrls: urls });
    const accepted = outcomes.filter((o) => o.kind === "accepted").length;
    const reported = bodies.flatMap((body) => sim.parseReport!("report", { method: "POST", headers: {}, query: {}, body: JSON.stringify(body) }).items);
    expect(bodies.every((b) => (b as { reports: unknown[] }).reports.length <= 100)).toBe(true);
    const share = (state: string) => reported.filter((e) => e.kind === "status" && e.state === state).length / accepted;
    expect(1 - accepted / total).toBeCloseTo(0.1, 1);
    expect(share("delivered")).toBeCloseTo(0.4, 1);
    expect(share("undelivered")).toBeCloseTo(0.2, 1);
    expect(share("failed")).toBeCloseTo(0.2, 1);
    expect(1 - reported.length / accepted).toBeCloseTo(0.2, 1);
    expect(reported.find((e) => e.kind === "status" && e.state === "failed")).toMatchObject({ errorCode: "34", rawStatus: "FAILED" });
  });

  it("has some recipients reply (STOP included), posted to the inbound webhook from their number", async () => {
    const sim = adapter({ deliverShare: 1, undeliverShare: 0, failShare: 0, replyShare: 1, replyTexts: ["STOP"] });
    await sim.send({ messages: [message(7)], reportUrls: urls });
    const [post] = await requestsTo("/inbound", 1);
    expect(sim.parseInbound!(asRaw(post)).items).toEqual([
      { providerMessageId: expect.stringMatching(/^sim-in-/), from: "+31612340007", to: "ACME", text: "STOP", receivedAt: expect.any(Date) },
    ]);
  });

  it("never throws when the webhook cannot be reached: the failure is logged without the token", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const closed = await startFakeServer(() => ({ status: 200, body: "" }));
    await closed.close();
    const sim = adapter({ deliverShare: 1, undeliverShare: 0, failShare: 0 });
    const deadUrls = { ...urls, deliveryReport: `${closed.url}/api/webhooks/secret-token/report` };
    expect((await sim.send({ messages: [message(1)], reportUrls: deadUrls }))[0].kind).toBe("accepted");
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(String(warn.mock.calls[0][0])).toMatch(/delivery report to .*\/api\/webhooks\/…\/report failed/);
    expect(String(warn.mock.calls[0][0])).not.toContain("secret-token");
    warn.mockRestore();
  });

  it("hands nothing over when the send was aborted first", async () => {
    const sim = adapter({});
    const outcomes = await sim.send({ messages: [message(1)], reportUrls: urls, signal: AbortSignal.abort() });
    expect(outcomes).toEqual([{ kind: "retryable", attemptId: "a1", code: "aborted", reason: "send aborted", retryAfterMs: 1000 }]);
  });

  it("says it is the built-in simulator when testing the connection", async () => {
    const check = await simulatorProvider.create({ baseUrl: "simulator://local", credentials: {}, options: simulatorOptionsSchema.parse({}), timeoutMs: 1000, batchSize: 10 }).testConnection();
    expect(check).toMatchObject({ ok: true, message: expect.stringMatching(/built-in simulator/) });
  });
});

describe("simulator options", () => {
  it("refuses outcome shares that add up to more than 1", () => {
    const result = simulatorOptionsSchema.safeParse({ deliverShare: 0.9, undeliverShare: 0.2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["deliverShare"], message: expect.stringMatching(/at most 1/) });
    expect(simulatorOptionsSchema.safeParse({}).success).toBe(true);
  });
});

describe("simulateReply", () => {
  it("posts an inbound message to the account's inbound URL, exactly as the simulator does", async () => {
    const result = await simulateReply({ webhookToken: "tok-123", defaultSender: "ACME" }, "+31611112222", "STOP", hooks.url);
    expect(result).toEqual({ ok: true, status: 200 });
    const [post] = await requestsTo("/inbound", 1);
    expect(post.path).toBe("/api/webhooks/tok-123/inbound");
    expect(adapter({}).parseInbound!(asRaw(post)).items[0]).toMatchObject({ from: "+31611112222", to: "ACME", text: "STOP" });
  });

  it("tells the caller when the webhook refused it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    hooks.inject({ type: "status", status: 404, body: "no route" });
    expect(await simulateReply({ webhookToken: "tok-123" }, "+31611112222", "hi", hooks.url)).toEqual({ ok: false, status: 404, reason: "HTTP 404" });
    warn.mockRestore();
  });
});
