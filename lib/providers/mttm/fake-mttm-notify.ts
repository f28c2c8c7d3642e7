/**
 * What the fake MTTM gateway sends back to us, exactly as Jasmin does: batch callbacks/errbacks (GET,
 * jasmin/protocols/rest/tasks.py) and delivery reports (GET or form POST to `dlr-url`, DLRThrower), which
 * Jasmin considers received only when the answer is exactly `ACK/Jasmin`.
 */
import { deliverCallback } from "../shared/fake-server";
import { toWallClock } from "../shared/wall-clock";
import type { MttmFakeMessage } from "./fake-mttm-core";

/** One recipient's result in a batch, as Jasmin's background task produces it. */
export interface MttmBatchResult {
  batchId: string;
  to: string;
  status: 0 | 1;
  /** `Success "<id>"`, or `HTTPAPI error: Error "<text>"`. */
  statusText: string;
  /** The callback (status 1) or errback (status 0) URL of the batch; absent: nobody is told. */
  url?: string;
  messageId?: string;
}

/** One call the fake made to us, and how we answered. */
export interface MttmDelivery {
  kind: "callback" | "errback" | "report";
  url: string;
  method: "GET" | "POST";
  status?: number;
  body?: string;
  /** A report is received only when the answer is `ACK/Jasmin`; callbacks are fire-and-forget. */
  acknowledged: boolean;
  error?: string;
}

/**
 * A delivery report to throw: level 1 is the SMSC's `submit_sm_resp` status (`ESME_ROK` unless told
 * otherwise), level 2 the handset receipt (`DELIVRD`, `EXPIRED`, `DELETED`, `UNDELIV`, `ACCEPTD`, `UNKNOWN`,
 * `REJECTD`) with its network error code.
 */
export type MttmReport = { level: 1; status?: string } | { level: 2; status: string; err?: string; doneAt?: Date };

/** Calls the batch's callback or errback URL with Jasmin's four parameters. */
export function deliverBatchResult(result: MttmBatchResult & { url: string }): Promise<MttmDelivery> {
  const query = new URLSearchParams({ batchId: result.batchId, to: result.to, status: String(result.status), statusText: result.statusText });
  return call(result.status === 1 ? "callback" : "errback", withQuery(result.url, query.toString()), "GET");
}

/** Throws one delivery report for `message` to its `dlr-url`, with its `dlr-method`. */
export function deliverReport(message: MttmFakeMessage, report: MttmReport, timeZone: string): Promise<MttmDelivery> {
  const dlr = message.dlr;
  if (!dlr) throw new Error(`message ${message.id} asked for no delivery reports`);
  const wanted = report.level === 1 ? [1, 3] : [2, 3];
  if (!wanted.includes(dlr.level)) throw new Error(`message ${message.id} asked for dlr-level ${dlr.level}, not level ${report.level} reports`);
  const args = new URLSearchParams({ id: message.id, level: String(report.level) });
  if (report.level === 1) args.set("message_status", report.status ?? "ESME_ROK");
  else {
    const now = new Date();
    args.set("message_status", report.status);
    args.set("id_smsc", String(Math.floor(Math.random() * 1e9)));
    args.set("sub", "001");
    args.set("dlvrd", report.status === "DELIVRD" ? "001" : "000");
    args.set("subdate", smppDate(now, timeZone));
    args.set("donedate", smppDate(report.doneAt ?? now, timeZone));
    args.set("err", report.err ?? "000");
    args.set("text", message.text.slice(0, 20));
  }
  args.set("connector", "mttm-smsc");
  if (dlr.method === "GET") return call("report", withQuery(dlr.url, args.toString()), "GET");
  return call("report", dlr.url, "POST", args.toString());
}

async function call(kind: MttmDelivery["kind"], url: string, method: "GET" | "POST", body?: string): Promise<MttmDelivery> {
  try {
    const reply = await deliverCallback(url, { method, body, contentType: body === undefined ? undefined : "application/x-www-form-urlencoded" });
    return { kind, url, method, status: reply.status, body: reply.body, acknowledged: reply.status === 200 && reply.body.trim() === "ACK/Jasmin" };
  } catch (error) {
    // Jasmin logs a failed throw and moves on (callbacks) or retries later (reports): the test reads it here.
    return { kind, url, method, acknowledged: false, error: (error as Error).message };
  }
}

function withQuery(url: string, query: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}

/** SMPP receipt dates: `YYMMDDhhmm` in the gateway's zone. */
function smppDate(at: Date, timeZone: string): string {
  const c = toWallClock(at, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(c.year % 100)}${p(c.month)}${p(c.day)}${p(c.hour)}${p(c.minute)}`;
}
