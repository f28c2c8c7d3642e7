/**
 * Messages DIDWW pushes through an SMS to HTTP IN trunk. The request is built from the customer's own
 * template (GET, POST or PUT; JSON, urlencoded, multipart or RAW body; variables anywhere in the URL,
 * headers or body), so the account says which names carry which variable (settings.ts). DIDWW retries a
 * push until its 3600 s TTL runs out: `SMS_UUID` becomes `providerMessageId`, on which storage dedupes.
 */
import type { InboundMessage, ParsedWebhook, RawRequest } from "../types";
import { lowerKeys, readBody } from "./form-body";
import { fromDidwwNumber } from "./numbers";
import type { InboundBodyMode, InboundFields } from "./settings";

/** How the account's trunk template is read. */
export interface InboundReading {
  fields: InboundFields;
  body: InboundBodyMode;
}

/**
 * The message of one push. `receivedAt` is used when the template carries no (readable) `SMS_TIME`.
 * A push we cannot read is answered 400 with the reason, so that DIDWW keeps retrying it (for up to an
 * hour) while an admin corrects the field names, instead of the message being lost behind a 200.
 */
export function parseInboundPush(request: RawRequest, reading: InboundReading, receivedAt: Date): ParsedWebhook<InboundMessage> {
  const body = readBody(request.body, header(request, "content-type"), reading.body);
  if ("error" in body) return refuse(`unreadable body: ${body.error}`);
  const sources = [
    "fields" in body ? body.fields : new Map<string, string>(),
    lowerKeys(Object.entries(request.query)),
    lowerKeys(Object.entries(request.headers)),
  ];
  const lookup = (name: string) => {
    for (const source of sources) {
      const value = source.get(name.toLowerCase());
      if (value !== undefined) return value;
    }
    return undefined;
  };

  const { fields } = reading;
  const uuid = lookup(fields.uuid);
  const from = lookup(fields.from);
  const to = lookup(fields.to);
  const text = messageText(body, reading, lookup);
  const missing = [!uuid && fields.uuid, !from && fields.from, !to && fields.to, text === undefined && `${fields.text} or ${fields.textBase64}`];
  if (!uuid || !from || !to || text === undefined) {
    return refuse(`missing ${missing.filter(Boolean).join(", ")}: check the trunk's template against the account's inbound field names`);
  }
  if ("error" in text) return refuse(text.error);

  const time = Date.parse(lookup(fields.time) ?? "");
  return {
    items: [
      {
        providerMessageId: uuid.trim(),
        from: fromDidwwNumber(rfc3986Decode(from)),
        to: fromDidwwNumber(rfc3986Decode(to)),
        text: text.value,
        receivedAt: Number.isNaN(time) ? receivedAt : new Date(time),
      },
    ],
    reply: { status: 200, body: "OK", contentType: "text/plain; charset=utf-8" },
  };
}

/**
 * The text: a non-empty RAW body when the mode says the body is the text, else the Base64 variable
 * (exact for any character), else the raw variable (an empty SMS is a text too). A RAW body in `auto`
 * mode is the text unless a field carries it.
 */
function messageText(
  body: ReturnType<typeof readBody>,
  reading: InboundReading,
  lookup: (name: string) => string | undefined,
): { value: string } | { error: string } | undefined {
  if ("raw" in body && body.raw !== "" && reading.body === "raw-base64") return decodeBase64(body.raw);
  if ("raw" in body && body.raw !== "" && reading.body === "raw-text") return { value: body.raw };
  const base64 = lookup(reading.fields.textBase64);
  if (base64 !== undefined) return decodeBase64(base64);
  const plain = lookup(reading.fields.text);
  if (plain !== undefined) return { value: plain };
  if ("raw" in body && body.raw !== "") return { value: body.raw };
  return undefined;
}

function decodeBase64(value: string): { value: string } | { error: string } {
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return { error: "the Base64 text is not Base64" };
  return { value: Buffer.from(compact, "base64").toString("utf8") };
}

/** `SMS_SRC_ADDR`/`SMS_DST_ADDR` are RFC 3986 encoded inside the template: undo it once. */
function rfc3986Decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a lone `%` is not an escape: the value was not encoded
  }
}

function header(request: RawRequest, name: string): string {
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === name) return value;
  return "";
}

function refuse(reason: string): ParsedWebhook<InboundMessage> {
  return { items: [], reply: { status: 400, body: `inbound SMS not accepted: ${reason}`, contentType: "text/plain; charset=utf-8" } };
}
