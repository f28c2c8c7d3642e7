/**
 * A fake DIDWW outbound API speaking the document's protocol strictly: POST only, HTTP Basic, the exact
 * JSON:API media type, the documented attributes and no others, E.164 digits, at most 1000 destinations,
 * and the documented 201/400/401 bodies. Anything the document does not allow is refused with a JSON:API
 * error whose detail starts with "fake:", so an adapter bug never passes unnoticed.
 * Accepted messages get status callbacks (and `dlr_event` receipts when enabled) at the trunk's Callback
 * URL, an account setting at DIDWW, not a request attribute. Used by tests, the simulator and benchmarks.
 */
import { randomUUID } from "node:crypto";
import { countSegments } from "../../sms/segments";
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "../shared/fake-server";
import { dlrEventBody, postCallback, statusCallbackBody, type StatusCallback } from "./fake-didww-pushes";
import { MAX_BULK_DESTINATIONS } from "./settings";
import { BULK_PATH, JSON_API, SINGLE_PATH } from "./wire";

/** How the fake trunk is set up; everything has a working default. */
export interface DidwwFakeOptions {
  username?: string;
  password?: string;
  /** Keep requests and accepted messages (off in benchmarks). Default true. */
  record?: boolean;
  port?: number;
  /** The trunk's Callback URL: every accepted message then gets a status callback there. */
  callbackUrl?: string;
  /** Also send a `dlr_event` DELIVERED after each Success callback (DIDWW enables this per account). */
  dlrEvents?: boolean;
  /** The trunk's allowed source numbers; another source gets a Failed callback with code_id 8. */
  allowedSources?: string[];
  /** Registered A2P campaigns; another `campaign_id` gets a Failed callback with code_id 10. */
  campaigns?: string[];
  /** Price per fragment in callbacks (the document's example: 0.001). */
  pricePerFragment?: number;
  /** Which end-time attribute callbacks carry (the document's table vs its example). */
  endTimeAttribute?: "time_end" | "end_time";
}

/** A message the fake accepted. */
export interface AcceptedDidwwMessage {
  id: string;
  /** The bulk request's id when it came in one. */
  bulkId?: string;
  destination: string;
  source?: string;
  content: string;
  campaignId?: string;
}

/** One JSON:API error object, as a test wants DIDWW to answer. */
export interface FakeError {
  code?: string;
  title: string;
  detail?: string;
}

/** A running fake, with the levers tests pull to make DIDWW misbehave or report. */
export interface DidwwFake {
  /** The base URL an account uses. */
  url: string;
  server: FakeServer;
  accepted: AcceptedDidwwMessage[];
  /** Messages accepted so far, counted even when `record` is off. */
  readonly acceptedCount: number;
  /** Callbacks that could not be delivered (the receiver answered non-2xx or was unreachable). */
  callbackErrors: Error[];
  /** The next `times` send requests are answered with this status and JSON:API error. */
  failNext(status: number, error: FakeError, times?: number): void;
  /** Requests naming `destination` are refused (400) with an error pointing at it. */
  refuseDestination(destination: string, error: FakeError): void;
  /** Messages to `destination` are accepted, then their callback reports this `code_id`. */
  failDestination(destination: string, codeId: number, status?: "Failed" | "Routing Error"): void;
  setCallbackUrl(url: string | undefined): void;
  /** Sends the status callback of an accepted message now (overriding any attribute). */
  sendStatusCallback(message: AcceptedDidwwMessage, overrides?: Partial<StatusCallback>): Promise<void>;
  /** Sends a carrier receipt for message `id` now. */
  sendDlrEvent(id: string, status?: string): Promise<void>;
  /** Resolves when every automatic callback started so far has been answered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const ATTRIBUTES = new Set(["destination", "source", "content", "campaign_id"]);
const DIGITS = /^[1-9]\d{1,14}$/;

/** Starts the fake on 127.0.0.1. */
export async function startDidwwFake(options: DidwwFakeOptions = {}): Promise<DidwwFake> {
  const expectedAuth = `Basic ${Buffer.from(`${options.username ?? "user"}:${options.password ?? "secret"}`).toString("base64")}`;
  const record = options.record !== false;
  const accepted: AcceptedDidwwMessage[] = [];
  let acceptedCount = 0;
  let callbackUrl = options.callbackUrl;
  const refusals = new Map<string, FakeError>();
  const failures = new Map<string, { codeId: number; status: "Failed" | "Routing Error" }>();
  const pending = new Set<Promise<void>>();
  const callbackErrors: Error[] = [];

  const callbackFor = (m: AcceptedDidwwMessage): StatusCallback => {
    const failure =
      failures.get(m.destination) ??
      (options.allowedSources && m.source !== undefined && !options.allowedSources.includes(m.source) ? { codeId: 8, status: "Failed" as const } : undefined) ??
      (options.campaigns && m.campaignId !== undefined && !options.campaigns.includes(m.campaignId) ? { codeId: 10, status: "Failed" as const } : undefined);
    const now = new Date();
    return {
      id: m.id,
      destination: m.destination,
      source: m.source,
      status: failure?.status ?? "Success",
      codeId: failure?.codeId ?? null,
      fragmentsSent: countSegments(m.content).segments,
      price: options.pricePerFragment ?? 0.001,
      timeStart: now,
      timeEnd: now,
      endTimeAttribute: options.endTimeAttribute,
    };
  };

  const sendStatusCallback = async (m: AcceptedDidwwMessage, overrides: Partial<StatusCallback> = {}) => {
    if (!callbackUrl) throw new Error("the fake trunk has no Callback URL");
    const callback = { ...callbackFor(m), ...overrides };
    await postCallback(callbackUrl, statusCallbackBody(callback));
    if (options.dlrEvents && callback.status === "Success") await postCallback(callbackUrl, dlrEventBody(m.id, "DELIVERED"));
  };

  const track = (work: Promise<void>) => {
    const tracked = work.catch((error: Error) => void callbackErrors.push(error)).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  const accept = (messages: AcceptedDidwwMessage[]) => {
    acceptedCount += messages.length;
    if (record) accepted.push(...messages);
    if (callbackUrl) for (const m of messages) track(sendStatusCallback(m));
  };

  const handle = (request: FakeRequest): FakeResponse => {
    const bulk = request.path === BULK_PATH;
    if (!bulk && request.path !== SINGLE_PATH) return jsonApiError(404, { title: "Not Found", detail: `fake: no route ${request.path}` });
    if (request.headers.authorization !== expectedAuth) return jsonApiError(401, { title: "Unauthorized", detail: "Authorization failed" });
    if (request.method !== "POST") return jsonApiError(405, { title: "Method Not Allowed", detail: `fake: ${request.method} is not allowed` });
    if (request.headers["content-type"] !== JSON_API) {
      return jsonApiError(415, { title: "Unsupported Media Type", detail: `fake: Content-Type must be exactly ${JSON_API}` });
    }
    if (!acceptable(request.headers.accept)) return jsonApiError(406, { title: "Not Acceptable", detail: "fake: JSON:API media type only with parameters" });
    const parsed = readDocument(request.body, bulk);
    if ("response" in parsed) return parsed.response;
    const { destinations, source, content, campaignId } = parsed;
    const refused = destinations.findIndex((d) => refusals.has(d));
    if (refused >= 0) {
      const error = refusals.get(destinations[refused])!;
      return jsonApiError(400, error, bulk ? `/data/attributes/destination/${refused}` : "/data/attributes/destination");
    }
    const bulkId = bulk ? randomUUID().toUpperCase() : undefined;
    const messages = destinations.map((destination) => ({ id: randomUUID(), bulkId, destination, source, content, campaignId }));
    accept(messages);
    const body = bulk
      ? {
          data: {
            type: "bulk_outbound_messages",
            id: bulkId,
            relationships: { outbound_messages: { data: messages.map((m) => ({ type: "outbound_messages", id: m.id })) } },
          },
        }
      : { data: { type: "outbound_messages", id: messages[0].id } };
    return { status: 201, body: JSON.stringify(body), contentType: JSON_API };
  };

  const server = await startFakeServer(handle, { record, port: options.port });
  return {
    url: server.url,
    server,
    accepted,
    get acceptedCount() {
      return acceptedCount;
    },
    callbackErrors,
    failNext: (status, error, times = 1) => {
      const { body, contentType } = jsonApiError(status, error);
      server.inject({ type: "status", status, body, contentType }, times);
    },
    refuseDestination: (destination, error) => void refusals.set(destination, error),
    failDestination: (destination, codeId, status = "Failed") => void failures.set(destination, { codeId, status }),
    setCallbackUrl: (url) => void (callbackUrl = url),
    sendStatusCallback,
    sendDlrEvent: (id, status = "DELIVERED") => {
      if (!callbackUrl) return Promise.reject(new Error("the fake trunk has no Callback URL"));
      return postCallback(callbackUrl, dlrEventBody(id, status));
    },
    settled: async () => {
      while (pending.size > 0) await Promise.all(pending);
    },
    // Callbacks still in flight are not awaited: a receiver that never answers must not hold the fake open.
    close: () => server.close(),
  };
}

type ReadDocument =
  | { destinations: string[]; source?: string; content: string; campaignId?: string }
  | { response: FakeResponse };

/** Checks the request document against the document's rules, attribute by attribute. */
function readDocument(body: string, bulk: boolean): ReadDocument {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { response: badRequest("Invalid request") }; // the document's own 400 body
  }
  if (!isObject(json) || !isObject(json.data) || Object.keys(json).some((k) => k !== "data")) return { response: badRequest("Invalid request") };
  const data = json.data;
  if (Object.keys(data).some((k) => k !== "type" && k !== "attributes")) return { response: badRequest("fake: data takes only type and attributes") };
  const type = bulk ? "bulk_outbound_messages" : "outbound_messages";
  if (data.type !== type) return { response: jsonApiError(409, { title: "Conflict", detail: `fake: type must be ${type}` }, "/data/type") };
  const a = data.attributes;
  if (!isObject(a)) return { response: badRequest("fake: attributes missing", "/data/attributes") };
  const unknown = Object.keys(a).find((k) => !ATTRIBUTES.has(k));
  if (unknown) return { response: badRequest(`fake: unknown attribute ${unknown}`, `/data/attributes/${unknown}`) };
  if (typeof a.content !== "string" || a.content === "") return { response: badRequest("fake: content is required", "/data/attributes/content") };
  for (const name of ["source", "campaign_id"] as const) {
    if (a[name] !== undefined && (typeof a[name] !== "string" || a[name] === "")) {
      return { response: badRequest(`fake: ${name} must be a non-empty string`, `/data/attributes/${name}`) };
    }
  }
  const destinations = bulk ? a.destination : [a.destination];
  if (!Array.isArray(destinations) || destinations.length === 0) {
    return { response: badRequest(`fake: destination must be ${bulk ? "an array" : "a string"}`, "/data/attributes/destination") };
  }
  if (destinations.length > MAX_BULK_DESTINATIONS) {
    return { response: badRequest(`fake: at most ${MAX_BULK_DESTINATIONS} destinations`, "/data/attributes/destination") };
  }
  const bad = destinations.findIndex((d) => typeof d !== "string" || !DIGITS.test(d));
  if (bad >= 0) {
    return { response: badRequest("fake: destination must be E.164 digits without +", `/data/attributes/destination${bulk ? `/${bad}` : ""}`) };
  }
  return { destinations: destinations as string[], source: a.source as string | undefined, content: a.content, campaignId: a.campaign_id as string | undefined };
}

/** JSON:API: a request whose Accept lists our media type only with parameters cannot be answered. */
function acceptable(accept: string | undefined): boolean {
  if (!accept) return true;
  const ours = accept.split(",").map((t) => t.trim()).filter((t) => t.split(";")[0].trim() === JSON_API);
  return ours.length === 0 || ours.some((t) => !t.includes(";")) || accept.includes("*/*");
}

function badRequest(detail: string, pointer?: string): FakeResponse {
  return jsonApiError(400, { title: "Bad Request", detail }, pointer);
}

/** A JSON:API error document shaped like the document's 400/401 bodies. */
function jsonApiError(status: number, error: FakeError, pointer?: string): FakeResponse {
  const entry: Record<string, unknown> = { title: error.title, detail: error.detail, code: error.code ?? String(status), status: String(status) };
  if (pointer) entry.source = { pointer };
  return { status, body: JSON.stringify({ errors: [entry] }), contentType: JSON_API };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
