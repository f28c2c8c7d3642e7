/**
 * A pass-through HTTP proxy in front of a fake gateway that notes when each request arrived and how it
 * was answered. The fakes keep requests and messages but not their times; rate-limit and backoff tests
 * need the times, measured where the gateway would see them.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxiedRequest {
  /** `performance.now()` when the request arrived. */
  at: number;
  method: string;
  path: string;
  body: string;
  /** The gateway's answer (0 until it answered). */
  status: number;
  /** `performance.now()` when the gateway's answer came back (0 until then). */
  answeredAt: number;
}

export interface RecordingProxy {
  url: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding every request to `target` (a base URL). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const entry: ProxiedRequest = { at: performance.now(), method: req.method ?? "GET", path: req.url ?? "/", body: body.toString("utf8"), status: 0, answeredAt: 0 };
    requests.push(entry);
    const headers = { ...req.headers, host: new URL(target).host };
    const upstream = http.request(new URL(req.url ?? "/", target), { method: req.method, headers, agent }, (reply) => {
      entry.status = reply.statusCode ?? 0;
      entry.answeredAt = performance.now();
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    // The fake never answering (a `hang` fault) shows up to the client as a timeout, as it should.
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
