/**
 * A fake Masiv gateway speaking the document's protocol strictly: GET only, the document's parameters and
 * no others (names case-insensitive, as ASP.NET reads them), its limits and its XML replies and error codes.
 * Used by the adapter tests, the simulator and the benchmarks (`record: false` keeps memory flat).
 * Requests the real gateway might tolerate but that break the document (an unknown parameter, an originator
 * over 16 characters, a malformed date) get HTTP 400 with a "fake:" text, so an adapter bug never passes.
 */
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "../shared/fake-server";
import { MASIV_ERROR_CODES } from "./codes";

export interface MasivFakeOptions {
  username?: string;
  password?: string;
  /** The account has long messages enabled (`longMessage=true` accepted). */
  longMessages?: boolean;
  /** Credits left; each part costs one. Unlimited by default. */
  credits?: number;
  /** Keep requests, accepted messages and their statuses (off in benchmarks). Default true. */
  record?: boolean;
  port?: number;
}

/** A message the fake accepted. */
export interface AcceptedMasivMessage {
  /** One id per 160-character block; the first is the message's. */
  messageIds: string[];
  recipient: string;
  text: string;
  originator?: string;
  longMessage: boolean;
  /** `sendondate` exactly as received. */
  sendOnDate?: string;
}

export interface MasivFake {
  /** Server root, `http://127.0.0.1:<port>`. */
  url: string;
  /** The base URL an account uses (`<url>/SmsHandlers`). */
  baseUrl: string;
  server: FakeServer;
  accepted: AcceptedMasivMessage[];
  /** The next `times` sendmessage requests fail with this error code. */
  failNext(code: string, times?: number): void;
  /** Every sendmessage to `recipient` (digits, no +) fails with this error code. */
  failFor(recipient: string, code: string): void;
  /** What getMessage answers for `messageId` from now on (`date` defaults to now). */
  setStatus(messageId: string, status: string, date?: Date): void;
  close(): Promise<void>;
}

const SEND_PARAMS = new Set(["action", "username", "password", "originator", "recipient", "messagedata", "longmessage", "sendondate"]);
const REPORT_PARAMS = new Set(["action", "username", "password", "messageid"]);
const SEND_PATH = "/smshandlers/sendhandler.ashx";
const REPORT_PATH = "/smshandlers/reporthandler.ashx";
const XML_HEAD = '<?xml version="1.0" encoding="utf-8" ?>\n';

/** Starts the fake on 127.0.0.1. */
export async function startMasivFake(options: MasivFakeOptions = {}): Promise<MasivFake> {
  const username = options.username ?? "user";
  const password = options.password ?? "secret";
  const record = options.record !== false;
  let credits = options.credits ?? Number.POSITIVE_INFINITY;
  let nextId = 35245856;
  const accepted: AcceptedMasivMessage[] = [];
  const statuses = new Map<string, { status: string; date: Date }>();
  const forcedByRecipient = new Map<string, string>();
  const forcedNext: string[] = [];

  const handle = (request: FakeRequest): FakeResponse => {
    if (request.method !== "GET") return fakeError(405, `method ${request.method} not allowed`);
    const path = request.path.toLowerCase();
    const isSend = path === SEND_PATH;
    if (!isSend && path !== REPORT_PATH) return { status: 404, body: "The resource cannot be found.", contentType: "text/html" };
    const params = new Map<string, string>();
    for (const [name, value] of request.query) {
      const key = name.toLowerCase();
      if (params.has(key)) return fakeError(400, `parameter ${name} given twice`);
      if (!(isSend ? SEND_PARAMS : REPORT_PARAMS).has(key)) return fakeError(400, `unknown parameter ${name}`);
      params.set(key, value);
    }
    const action = params.get("action")?.toLowerCase();
    if (!action) return errorReply("1158");
    if (!params.get("username") || !params.get("password")) return errorReply("1164");
    if (params.get("username") !== username || params.get("password") !== password) return errorReply("1157");
    if (isSend && action === "sendmessage") return sendMessage(params);
    if (!isSend && action === "getmessage") return getMessage(params);
    return errorReply("1158");
  };

  const sendMessage = (params: Map<string, string>): FakeResponse => {
    const recipient = params.get("recipient");
    const text = params.get("messagedata");
    if (!recipient || text === undefined || text === "") return errorReply("1164");
    if (!/^\d{7,16}$/.test(recipient)) return errorReply("1");
    const originator = params.get("originator");
    if (originator !== undefined && (originator.length === 0 || originator.length > 16)) {
      return fakeError(400, "originator must be 1-16 characters");
    }
    const longParam = params.get("longmessage")?.toLowerCase();
    if (longParam !== undefined && longParam !== "true" && longParam !== "false") return fakeError(400, "longMessage must be true or false");
    const sendOnDate = params.get("sendondate");
    if (sendOnDate !== undefined && !/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(sendOnDate)) {
      return fakeError(400, "sendondate must be MM/DD/YYYY hh:mm:ss");
    }
    const forced = forcedNext.shift() ?? forcedByRecipient.get(recipient);
    if (forced) return errorReply(forced);
    const longMessage = longParam === "true";
    if (text.length > 160 && !(longMessage && options.longMessages)) return errorReply("1160");
    const blocks: string[] = [];
    for (let i = 0; i < text.length; i += 160) blocks.push(text.slice(i, i + 160));
    if (credits < blocks.length) return errorReply("1159");
    credits -= blocks.length;
    const ids = blocks.map(() => String(nextId++));
    if (record) {
      accepted.push({ messageIds: ids, recipient, text, originator, longMessage, sendOnDate });
      const now = new Date();
      for (const id of ids) statuses.set(id, { status: sendOnDate ? "0" : "1", date: now });
    }
    const reports = blocks.map((block, i) => acceptReport(ids[i], originator ?? "", recipient, block)).join("");
    return xml(`<response>\n  <action>sendmessage</action>\n  <data>\n${reports}  </data>\n</response>\n`);
  };

  const getMessage = (params: Map<string, string>): FakeResponse => {
    const id = params.get("messageid");
    if (!id) return errorReply("1164");
    const known = statuses.get(id);
    if (!known) return errorReply("2000");
    return xml(
      `<response>\n  <action>getMessage</action>\n  <data>\n    <messageid>${id}</messageid>\n` +
        `    <date>${formatUtc(known.date)}</date>\n    <status>${known.status}</status>\n  </data>\n</response>\n`,
    );
  };

  const server = await startFakeServer(handle, { record, port: options.port });
  return {
    url: server.url,
    baseUrl: `${server.url}/SmsHandlers`,
    server,
    accepted,
    failNext(code, times = 1) {
      for (let i = 0; i < times; i++) forcedNext.push(code);
    },
    failFor(recipient, code) {
      forcedByRecipient.set(recipient, code);
    },
    setStatus(messageId, status, date = new Date()) {
      statuses.set(messageId, { status, date });
    },
    close: () => server.close(),
  };
}

function acceptReport(id: string, originator: string, recipient: string, text: string): string {
  return (
    `    <acceptreport>\n      <statuscode>0</statuscode>\n      <statusmessage>Message accepted for delivery</statusmessage>\n` +
    `      <messageid>${id}</messageid>\n      <originator>${escapeXml(originator)}</originator>\n` +
    `      <recipient>${recipient}</recipient>\n      <messagetype>SMS:TEXT</messagetype>\n` +
    `      <messagedata>${escapeXml(text)}</messagedata>\n    </acceptreport>\n`
  );
}

/** The document's error reply for `code` (a code outside the table gets a generic text). */
function errorReply(code: string): FakeResponse {
  const message = MASIV_ERROR_CODES[code]?.message ?? `Error ${code}`;
  return xml(
    `<response>\n  <action>error</action>\n  <data>\n    <errorcode>${code}</errorcode>\n` +
      `    <errormessage>${escapeXml(message)}</errormessage>\n  </data>\n</response>\n`,
  );
}

function xml(body: string): FakeResponse {
  return { status: 200, body: XML_HEAD + body, contentType: "text/xml; charset=utf-8" };
}

function fakeError(status: number, message: string): FakeResponse {
  return { status, body: `fake: ${message}` };
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatUtc(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}
