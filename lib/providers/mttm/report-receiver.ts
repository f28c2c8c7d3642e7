/**
 * A stand-in for the app's webhook route, for tests and benchmarks: a server on 127.0.0.1 that turns every
 * call into a `RawRequest`, hands it to an adapter's report parser and answers with the parser's reply, so
 * the fake gateway's callbacks travel the same way as in production.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ParsedWebhook, RawRequest, ReportEvent, ReportUrls } from "../types";

export interface ReportReceiver {
  /** Webhook URLs in the engine's shape (`…/<kind>`). */
  urls: ReportUrls;
  requests: RawRequest[];
  events: ReportEvent[];
  close(): Promise<void>;
}

/** Starts the receiver; `parse` is usually `adapter.parseReport`. */
export async function startReportReceiver(parse: (kind: string, request: RawRequest) => ParsedWebhook<ReportEvent>): Promise<ReportReceiver> {
  const requests: RawRequest[] = [];
  const events: ReportEvent[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw: RawRequest = {
      method: req.method ?? "GET",
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
      query: Object.fromEntries(url.searchParams),
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(raw);
    const parsed = parse(url.pathname.split("/").pop() ?? "", raw);
    events.push(...parsed.items);
    res.writeHead(parsed.reply.status, { "content-type": parsed.reply.contentType ?? "text/plain" });
    res.end(parsed.reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/test-token`;
  return {
    urls: {
      deliveryReport: `${base}/report`,
      batchCallback: `${base}/batch-callback`,
      batchErrback: `${base}/batch-errback`,
      inbound: `${base}/inbound`,
    },
    requests,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
