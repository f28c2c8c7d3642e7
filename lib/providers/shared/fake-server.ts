/**
 * The base of every fake gateway: an HTTP server on 127.0.0.1 that hands each request to a vendor's
 * handler, and can be told to misbehave so tests prove how adapters and the engine cope. Fakes enforce
 * their vendor's protocol strictly; this file only carries what all of them share.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status: number;
  body: string;
  contentType?: string;
}

/**
 * A fault applied to the next matching request(s) instead of the vendor's handler:
 * - `status`: answer with this status and body (a 5xx, a vendor error, a 401…);
 * - `hang`: never answer (the client's timeout decides);
 * - `malformed`: answer 200 with a body no parser accepts;
 * - `drop`: close the connection without an answer;
 * - `slow`: the vendor's own answer, `ms` late (a slow gateway, to make requests overlap).
 */
export type Fault =
  | { type: "status"; status: number; body: string; contentType?: string }
  | { type: "hang" }
  | { type: "malformed"; body?: string }
  | { type: "drop" }
  | { type: "slow"; ms: number };

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order (faulted ones included). */
  requests: FakeRequest[];
  /** Applies `fault` to the next `times` requests (whose path ends with `pathSuffix`, if given). */
  inject(fault: Fault, times?: number, pathSuffix?: string): void;
  /** Forgets recorded requests and pending faults. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** Keep every request in `requests` (off in benchmarks to keep memory flat). */
  record?: boolean;
  port?: number;
}

/** Starts a fake gateway on 127.0.0.1 (a free port unless one is given). */
export async function startFakeServer(handler: FakeHandler, options: FakeServerOptions = {}): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  let faults: { fault: Fault; remaining: number; pathSuffix?: string }[] = [];
  const hanging = new Set<http.ServerResponse>();

  const takeFault = (path: string): Fault | undefined => {
    const entry = faults.find((f) => !f.pathSuffix || path.endsWith(f.pathSuffix));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) faults = faults.filter((f) => f !== entry);
    return entry.fault;
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request: FakeRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    if (options.record !== false) requests.push(request);
    const fault = takeFault(request.path);
    if (fault?.type === "hang") return void hanging.add(res);
    if (fault?.type === "drop") return void req.socket.destroy();
    if (fault?.type === "slow") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    let response: FakeResponse;
    if (fault?.type === "status") response = fault;
    else if (fault?.type === "malformed") response = { status: 200, body: fault.body ?? "<<<not what you expected" };
    else {
      try {
        response = await handler(request);
      } catch (error) {
        response = { status: 500, body: `fake gateway error: ${(error as Error).message}` };
      }
    }
    res.writeHead(response.status, { "content-type": response.contentType ?? "text/plain; charset=utf-8" });
    res.end(response.body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject(fault, times = 1, pathSuffix) {
      faults.push({ fault, remaining: times, pathSuffix });
    },
    reset() {
      requests.length = 0;
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a report or inbound message the way a gateway would (fire-and-forget callers await it in tests). */
export async function deliverCallback(
  url: string,
  init: { method: "GET" | "POST" | "PUT"; body?: string; contentType?: string },
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: init.method,
    body: init.body,
    headers: init.contentType ? { "content-type": init.contentType } : undefined,
  });
  return { status: response.status, body: await response.text() };
}
