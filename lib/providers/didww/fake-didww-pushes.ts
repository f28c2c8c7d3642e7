/**
 * What a fake DIDWW sends to us: status callbacks and `dlr_event` receipts to the trunk's Callback URL,
 * and inbound SMS through an HTTP IN trunk in any of its methods and body formats. Kept apart from the
 * fake's server so tests can also push to a webhook without starting one.
 */
import { randomUUID } from "node:crypto";
import { deliverCallback } from "../shared/fake-server";
import { inboundFieldsSchema, type InboundFields } from "./settings";
import { JSON_API } from "./wire";

/** The attributes of one status callback, as the document's example lists them. */
export interface StatusCallback {
  id: string;
  destination: string;
  source?: string;
  status: "Success" | "Routing Error" | "Failed";
  codeId: number | null;
  fragmentsSent: number;
  price: number;
  timeStart: Date;
  timeEnd: Date;
  /** The document names the end time `time_end` in its table and `end_time` in its example. */
  endTimeAttribute?: "time_end" | "end_time";
}

/** The JSON:API body of a status callback (`outbound_message_callbacks`). */
export function statusCallbackBody(c: StatusCallback): string {
  return JSON.stringify({
    data: {
      type: "outbound_message_callbacks",
      id: c.id,
      attributes: {
        time_start: c.timeStart.toISOString(),
        [c.endTimeAttribute ?? "end_time"]: c.timeEnd.toISOString(),
        destination: c.destination,
        source: c.source ?? null,
        status: c.status,
        code_id: c.codeId,
        fragments_sent: c.fragmentsSent,
        price: c.price,
      },
    },
  });
}

/** The body of a carrier receipt for message `id` (only the type and status are published by DIDWW). */
export function dlrEventBody(id: string, status: string, time = new Date()): string {
  return JSON.stringify({ data: { type: "dlr_event", id, attributes: { status, time: time.toISOString() } } });
}

/** POSTs a callback body the way DIDWW does; rejects when the receiver does not answer 2xx. */
export async function postCallback(url: string, body: string): Promise<void> {
  const answer = await deliverCallback(url, { method: "POST", body, contentType: JSON_API });
  if (answer.status < 200 || answer.status > 299) throw new Error(`callback to ${url} answered ${answer.status}: ${answer.body}`);
}

/** An SMS arriving on one of the customer's DIDs. */
export interface InboundSms {
  uuid?: string;
  /** Digits, as DIDWW writes numbers (an alphanumeric sender is possible too). */
  from: string;
  to: string;
  text: string;
  time?: Date;
}

/** How the customer's HTTP IN trunk is configured. */
export interface InboundTemplate {
  format: "json" | "urlencoded" | "multipart" | "raw";
  method?: "GET" | "POST" | "PUT";
  /** Names the template gives each variable (DIDWW's variable names by default). */
  fields?: Partial<InboundFields>;
  /** Which text variables the template carries; `raw` puts the chosen one as the whole body. */
  text?: "plain" | "base64" | "both";
}

/**
 * Pushes `sms` to `url` as DIDWW would with this template. With GET every variable is in the query; with
 * a RAW body the body is the text and the other variables are in the query.
 */
export async function pushInbound(url: string, sms: InboundSms, template: InboundTemplate): Promise<{ status: number; body: string; uuid: string }> {
  const names = inboundFieldsSchema.parse(template.fields ?? {});
  const uuid = sms.uuid ?? randomUUID();
  const textVariables: [string, string][] = [];
  const withText = template.text ?? "plain";
  if (withText !== "base64") textVariables.push([names.text, sms.text]);
  if (withText !== "plain") textVariables.push([names.textBase64, Buffer.from(sms.text, "utf8").toString("base64")]);
  const others: [string, string][] = [
    [names.uuid, uuid],
    [names.from, encodeURIComponent(sms.from)], // RFC 3986 encoded variables
    [names.to, encodeURIComponent(sms.to)],
    [names.time, (sms.time ?? new Date()).toUTCString()], // RFC 1123
  ];
  const method = template.method ?? "POST";
  const target = new URL(url);
  let body: string | undefined;
  let contentType: string | undefined;
  if (method === "GET") {
    for (const [k, v] of [...others, ...textVariables]) target.searchParams.set(k, v);
  } else if (template.format === "raw") {
    for (const [k, v] of others) target.searchParams.set(k, v);
    body = textVariables[0][1];
    contentType = "text/plain; charset=utf-8";
  } else {
    ({ body, contentType } = encodeBody(template.format, [...others, ...textVariables]));
  }
  const answer = await deliverCallback(target.toString(), { method, body, contentType });
  return { ...answer, uuid };
}

function encodeBody(format: "json" | "urlencoded" | "multipart", variables: [string, string][]): { body: string; contentType: string } {
  if (format === "json") return { body: JSON.stringify(Object.fromEntries(variables)), contentType: "application/json" };
  if (format === "urlencoded") return { body: new URLSearchParams(variables).toString(), contentType: "application/x-www-form-urlencoded" };
  const boundary = `----didww${randomUUID().replace(/-/g, "")}`;
  const parts = variables.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
