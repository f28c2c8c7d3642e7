/**
 * The one HTTP client adapters use. It exists (instead of `fetch`) to tell the engine the one thing that
 * decides between a retry and a silent duplicate: whether our request could have reached the gateway.
 * - `not-sent`: the connection was refused or failed before a byte of the request left; safe to retry.
 * - `maybe-sent`: a timeout, reset or abort after the request started; the gateway may have queued it.
 *
 * Built on undici's dispatcher rather than node:http: for one-message-per-request gateways the client's
 * CPU per request bounds the throughput, and undici takes about half of node:http's (≈40 vs ≈80 µs per
 * request on loopback, measured in scripts/bench/adapters). Its `onRequestStart` fires just before the
 * request's bytes are written to a connected socket, which is exactly the line between the two failures.
 */
import type { IncomingHttpHeaders } from "node:http";
import { Agent, type Dispatcher } from "undici";

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  kind: "response";
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpFailure {
  kind: "not-sent" | "maybe-sent";
  reason: string;
}

/** Replies larger than this are cut off: a hostile gateway must not exhaust our memory. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** Keep-alive connections, at most 64 per gateway origin (as many as requests in flight across accounts). */
const dispatcher = new Agent({ connections: 64 });

/** Sends one request; resolves with the response or a classified failure, never rejects. */
export function httpRequest(request: HttpRequest): Promise<HttpResponse | HttpFailure> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve({ kind: "not-sent", reason: "invalid URL" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve({ kind: "not-sent", reason: `unsupported protocol ${url.protocol}` });
  }
  return new Promise((resolve) => {
    const exchange = new Exchange(request.timeoutMs, request.signal, resolve);
    if (exchange.settled) return;
    const options: Dispatcher.DispatchOptions = {
      origin: url.origin,
      path: url.pathname + url.search,
      method: request.method,
      headers: request.headers,
      body: request.body,
      // Our own timer bounds the whole exchange; undici's would classify nothing.
      headersTimeout: 0,
      bodyTimeout: 0,
    };
    dispatcher.dispatch(options, exchange);
  });
}

/** One request's life: undici's handler callbacks, our timeout and the caller's abort, settled once. */
class Exchange implements Dispatcher.DispatchHandler {
  settled = false;
  private requestStarted = false;
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (result: HttpResponse | HttpFailure) => void,
  ) {
    this.timer = setTimeout(() => this.stop(`no reply within ${timeoutMs} ms`), timeoutMs);
    if (signal?.aborted) this.stop("aborted");
    // The exchange is its own abort listener (`handleEvent`): no closure per request, most of which have no signal.
    else signal?.addEventListener("abort", this, { once: true });
  }

  handleEvent(): void {
    this.stop("aborted");
  }

  /** Called just before the request is written to a connected socket: from here a failure means we cannot know. */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Stopped while queued or connecting: abort before a byte is written.
    if (this.settled) controller.abort(new Error("request no longer wanted"));
    else this.requestStarted = true;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > MAX_REPLY_BYTES) return this.stop(`reply larger than ${MAX_REPLY_BYTES} bytes`);
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const body = this.chunks.length === 1 ? this.chunks[0].toString("utf8") : Buffer.concat(this.chunks).toString("utf8");
    this.finish({ kind: "response", status: this.status, headers: this.headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error & { code?: string }): void {
    const reason = this.status > 0 ? `reply interrupted: ${error.message}` : error.code ? `${error.code}: ${error.message}` : error.message;
    this.fail(reason);
  }

  /** Ends the exchange from our side (timeout, abort, oversized reply). */
  private stop(reason: string): void {
    this.fail(reason);
    this.controller?.abort(new Error(reason));
  }

  private fail(reason: string): void {
    this.finish({ kind: this.requestStarted ? "maybe-sent" : "not-sent", reason });
  }

  private finish(result: HttpResponse | HttpFailure): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.signal?.removeEventListener("abort", this);
    this.resolve(result);
  }
}

/** `Authorization: Basic …` for a username and password. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}
