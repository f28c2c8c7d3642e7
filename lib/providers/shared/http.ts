/**
 * The one HTTP client adapters use. It exists (instead of `fetch`) to tell the engine the one thing that
 * decides between a retry and a silent duplicate: whether our request could have reached the gateway.
 * - `not-sent`: the connection was refused or failed before a byte of the request left; safe to retry.
 * - `maybe-sent`: a timeout, reset or abort after the request started; the gateway may have queued it.
 */
import http from "node:http";
import https from "node:https";

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
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpFailure {
  kind: "not-sent" | "maybe-sent";
  reason: string;
}

/** Replies larger than this are cut off: a hostile gateway must not exhaust our memory. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** Sends one request; resolves with the response or a classified failure, never rejects. */
export function httpRequest(request: HttpRequest): Promise<HttpResponse | HttpFailure> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      resolve({ kind: "not-sent", reason: "invalid URL" });
      return;
    }
    const transport = url.protocol === "https:" ? https : http;
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) {
      resolve({ kind: "not-sent", reason: `unsupported protocol ${url.protocol}` });
      return;
    }
    let requestStarted = false;
    let settled = false;
    const finish = (result: HttpResponse | HttpFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const fail = (reason: string) => finish({ kind: requestStarted ? "maybe-sent" : "not-sent", reason });

    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    const req = transport.request(url, { method: request.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY_BYTES) {
          req.destroy();
          fail(`reply larger than ${MAX_REPLY_BYTES} bytes`);
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () =>
        finish({ kind: "response", status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", (error) => fail(`reply interrupted: ${error.message}`));
    });
    // Once the socket is connected, the request's bytes may reach the gateway: from here on a failure
    // means we cannot know whether it was queued.
    req.on("socket", (socket) => {
      if (!socket.connecting) requestStarted = true;
      else socket.once("connect", () => (requestStarted = true));
    });
    req.on("error", (error: NodeJS.ErrnoException) => fail(error.code ? `${error.code}: ${error.message}` : error.message));
    const timer = setTimeout(() => {
      fail(`no reply within ${request.timeoutMs} ms`);
      req.destroy();
    }, request.timeoutMs);
    const onAbort = () => {
      fail("aborted");
      req.destroy();
    };
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    req.end(request.body);
  });
}

/** `Authorization: Basic …` for a username and password. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}
