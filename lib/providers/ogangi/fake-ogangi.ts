/**
 * A fake OGANGI (Messangi) gateway that enforces the protocol strictly: GET only, the documented methods
 * with their exact number of path parameters, the public key, the HMAC-SHA256 signature, URL-safe Base64
 * where the document requires it, and the document's XML replies. It keeps inbound (MO) messages for
 * getMOMessages, fed by `fireMessage` (the vendor's own hook) or `injectInbound`.
 *
 * The signature is checked over the parameters with every Base64 field re-encoded in its canonical form
 * (URL-safe, padded), so a client that drops the padding fails with BAD_SIGNATURE, as NOTES.md warns.
 */
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "../shared/fake-server";
import { lookupMessageStatus } from "./codes";
import { messageXml, moListXml, ogangiReply, type FakeMoMessage, type FakeOgangiMessage } from "./fake-ogangi-xml";
import { base64UrlPadded, decodeBase64Url, signParameters } from "./signing";

export interface OgangiFakeOptions {
  instanceId?: string;
  publicKey?: string;
  privateKey?: string;
  /** Our short code, the `to` of injected MO messages. */
  shortCode?: string;
  /** Accepted `from` codes (any when omitted); another gets BAD_FROM. */
  senders?: string[];
  /** Number of getMOMessages' first page. */
  firstPage?: 0 | 1;
  /** Keep requests, sent messages and their statuses (off in benchmarks). Default true. */
  record?: boolean;
  port?: number;
}

/** A message the fake accepted through sendSMS or sendMT. */
export interface AcceptedOgangiMessage {
  method: "sendSMS" | "sendMT";
  /** Absent for sendMT, which returns no id. */
  id?: string;
  carrier: string;
  from: string;
  /** Decoded digits. */
  to: string;
  /** Decoded text. */
  text: string;
  flags?: string;
}

export interface OgangiFake {
  url: string;
  /** The base URL an account uses (`<url>/messangi_mmc`). */
  baseUrl: string;
  server: FakeServer;
  accepted: AcceptedOgangiMessage[];
  /** PINs sent by sendSMSPinMobileNumberConfirm. */
  pins: { to: string; text: string; pin: string }[];
  /** MO messages in arrival order; tests may edit it (e.g. to purge old ones). */
  inbound: FakeMoMessage[];
  /** The next `times` requests get this reply status instead of being processed. */
  failNext(status: "ERROR" | "BAD_SIGNATURE", times?: number): void;
  /** sendSMS to `mobileNumber` (digits) answers OK with this message status (BAD_TO, NOT_SENT…). */
  failFor(mobileNumber: string, status: string): void;
  /** What getMessage answers for `id` from now on. */
  setStatus(id: string, status: string): void;
  /** Adds an MO message as if `from` (digits) had texted our short code. */
  injectInbound(mo: { from: string; text: string; to?: string; carrier?: string; sendDate?: Date }): void;
  close(): Promise<void>;
}

const PREFIX = "/messangi_mmc/rest/api/";
/** Parameter count (after the instance id) and which of them are Base64, per method. */
const METHODS: Record<string, { counts: number[]; base64: (count: number) => number[] }> = {
  "tools/sendSMS": { counts: [4], base64: () => [2, 3] },
  sendMT: { counts: [4, 5], base64: () => [3] },
  "tools/sendSMSPinMobileNumberConfirm": { counts: [5], base64: () => [3] },
  fireMessage: { counts: [2], base64: () => [1] },
  "tools/getMOMessages": { counts: [3], base64: () => [] },
  "tools/getMessage": { counts: [1], base64: () => [] },
};

/** Starts the fake on 127.0.0.1. */
export async function startOgangiFake(options: OgangiFakeOptions = {}): Promise<OgangiFake> {
  const instanceId = options.instanceId ?? "8";
  const publicKey = options.publicKey ?? "4BFB-4943-9546-9BB8964254F2";
  const privateKey = options.privateKey ?? "FBF3-4310-909C-C4BBC26F886F";
  const shortCode = options.shortCode ?? "19893143924";
  const firstPage = options.firstPage ?? 1;
  const record = options.record !== false;
  const accepted: AcceptedOgangiMessage[] = [];
  const pins: OgangiFake["pins"] = [];
  const inbound: FakeMoMessage[] = [];
  const messages = new Map<string, FakeOgangiMessage>();
  const forcedByNumber = new Map<string, string>();
  const forcedNext: ("ERROR" | "BAD_SIGNATURE")[] = [];
  let nextId = -8174720676710228700n;

  const handle = (request: FakeRequest): FakeResponse => {
    if (request.method !== "GET") return { status: 405, body: "fake: only GET" };
    if (!request.path.startsWith(PREFIX)) return { status: 404, body: "fake: not found" };
    const parts = request.path.slice(PREFIX.length).split("/");
    const method = parts[0] === "tools" ? `tools/${parts[1]}` : parts[0];
    const spec = METHODS[method];
    const raw = parts.slice(method.startsWith("tools/") ? 2 : 1);
    const input = method.replace("tools/", "");
    // instance id + parameters + public key + signature
    if (!spec || !spec.counts.includes(raw.length - 3)) return { status: 404, body: "fake: no such method or wrong parameter count" };
    const [instance, ...rest] = raw.slice(0, -2);
    const [key, signature] = raw.slice(-2);
    const forced = forcedNext.shift();
    if (forced) return ogangiReply(input, forced);
    const base64 = spec.base64(rest.length);
    const decoded: string[] = [];
    const canonical: string[] = [instance];
    for (const [i, segment] of rest.entries()) {
      if (!base64.includes(i)) {
        let value: string;
        try {
          value = decodeURIComponent(segment);
        } catch {
          return ogangiReply(input, "ERROR");
        }
        decoded.push(value);
        canonical.push(segment);
        continue;
      }
      const value = decodeBase64Url(segment);
      if (value === undefined) return ogangiReply(input, "ERROR"); // Java's decoder throws on '+', '/'
      decoded.push(value);
      canonical.push(base64UrlPadded(value));
    }
    if (key !== publicKey || signature !== signParameters(canonical.join("/"), privateKey)) return ogangiReply(input, "BAD_SIGNATURE");
    if (decodeURIComponent(instance) !== instanceId) return ogangiReply(input, "ERROR");
    switch (method) {
      case "tools/sendSMS":
        return send(input, "sendSMS", { carrier: decoded[0], from: decoded[1], to: decoded[2], text: decoded[3] });
      case "sendMT":
        return send(input, "sendMT", { from: decoded[0], carrier: decoded[1], to: decoded[2], text: decoded[3], flags: decoded[4] });
      case "tools/sendSMSPinMobileNumberConfirm":
        return sendPin(input, decoded);
      case "fireMessage":
        if (!/^\d{7,15}$/.test(decoded[0])) return ogangiReply(input, "ERROR");
        injectInbound({ from: decoded[0], text: decoded[1] });
        return ogangiReply("activateCampaign", "OK"); // sic: the document's example answers for activateCampaign
      case "tools/getMOMessages":
        return listInbound(input, decoded[0], decoded[1], rest[2]);
      default:
        return getMessage(input, decoded[0]);
    }
  };

  const send = (input: string, method: "sendSMS" | "sendMT", message: Omit<AcceptedOgangiMessage, "method" | "id">): FakeResponse => {
    const forcedStatus = forcedByNumber.get(message.to);
    let status = forcedStatus ?? "SENT_TO_CARRIER";
    if (!forcedStatus && !/^\d{7,15}$/.test(message.to)) status = "BAD_TO";
    else if (!forcedStatus && options.senders && !options.senders.includes(message.from)) status = "BAD_FROM";
    if (method === "sendMT") {
      if (record && status === "SENT_TO_CARRIER") accepted.push({ method, ...message });
      return ogangiReply(input, "OK", "");
    }
    const id = String(nextId);
    nextId += 1_000_003n;
    const full: FakeOgangiMessage = {
      id,
      carrier: message.carrier,
      from: message.from,
      to: message.to,
      text: message.text,
      status,
      statusDescription: lookupMessageStatus(status)?.meaning ?? status,
      date: new Date(),
    };
    if (record) {
      messages.set(id, full);
      if (status === "SENT_TO_CARRIER") accepted.push({ method, id, ...message });
    }
    return ogangiReply(input, "OK", `\n<messages>${messageXml(full)}</messages>\n`);
  };

  const sendPin = (input: string, [carrier, from, to, text, length]: string[]): FakeResponse => {
    if (!carrier || !from || !/^\d{7,15}$/.test(to) || !/^\d{1,2}$/.test(length)) return ogangiReply(input, "ERROR");
    const pin = Array.from({ length: Number(length) }, () => Math.floor(Math.random() * 10)).join("");
    if (record) pins.push({ to, text, pin });
    return ogangiReply(input, "OK", `\n\t<PinSMSConfirmation>\n\t\t<pin>${pin}</pin>\n\t</PinSMSConfirmation>\n`);
  };

  /** `rawParameters` as it appears in the path: pairs split before their values are decoded. */
  const listInbound = (input: string, page: string, perPage: string, rawParameters: string): FakeResponse => {
    if (!/^\d+$/.test(page) || !/^[1-9]\d*$/.test(perPage)) return ogangiReply(input, "ERROR");
    const filters = new Map<string, string>();
    for (const pair of rawParameters.split("&")) {
      const [name, value = ""] = pair.split("=");
      const key = name.toLowerCase();
      if (!["carrier", "to", "from", "keyword", "order"].includes(key)) return ogangiReply(input, "ERROR");
      filters.set(key, decodeURIComponent(value));
    }
    const order = (filters.get("order") ?? "asc").toLowerCase();
    if (order !== "asc" && order !== "desc") return ogangiReply(input, "ERROR");
    const values = (name: string) => filters.get(name)?.split(",");
    let keyword: RegExp | undefined;
    try {
      keyword = filters.has("keyword") ? new RegExp(filters.get("keyword")!) : undefined;
    } catch {
      return ogangiReply(input, "ERROR"); // an invalid pattern: Java's PatternSyntaxException
    }
    let found = inbound.filter(
      (mo) =>
        (!values("carrier") || values("carrier")!.some((c) => c.toLowerCase() === mo.carrier.toLowerCase())) &&
        (!values("to") || values("to")!.includes(mo.to)) &&
        (!values("from") || values("from")!.includes(mo.from)) &&
        (!keyword || keyword.test(mo.text)),
    );
    if (order === "desc") found = [...found].reverse();
    const size = Number(perPage);
    const start = (Number(page) - firstPage) * size;
    return ogangiReply(input, "OK", moListXml(found.length, start < 0 ? [] : found.slice(start, start + size)));
  };

  const getMessage = (input: string, id: string): FakeResponse => {
    const message = messages.get(id);
    return message ? ogangiReply(input, "OK", messageXml(message)) : ogangiReply(input, "ERROR");
  };

  const injectInbound: OgangiFake["injectInbound"] = (mo) => {
    inbound.push({
      text: mo.text,
      from: mo.from,
      to: mo.to ?? shortCode,
      keyword: mo.text.trim().split(/\s+/)[0]?.toUpperCase() ?? "",
      carrier: mo.carrier ?? "Movistar",
      sendDate: mo.sendDate ?? new Date(),
    });
  };

  const server = await startFakeServer(handle, { record, port: options.port });
  return {
    url: server.url,
    baseUrl: `${server.url}/messangi_mmc`,
    server,
    accepted,
    pins,
    inbound,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) forcedNext.push(status);
    },
    failFor(mobileNumber, status) {
      forcedByNumber.set(mobileNumber, status);
    },
    setStatus(id, status) {
      const message = messages.get(id);
      if (!message) throw new Error(`fake OGANGI: no message ${id}`);
      message.status = status;
      message.statusDescription = lookupMessageStatus(status)?.meaning ?? status;
    },
    injectInbound,
    close: () => server.close(),
  };
}
