/**
 * A fake bulksms gateway (RouteSMS's HTTP API) for tests, the simulator and benchmarks. It enforces the
 * document strictly: GET only, the documented parameters and no others (the document's example `ip` is
 * tolerated), every mandatory one non-empty, credentials, `type`, `dlr`, `source` lengths, UCS-2 as
 * uppercase UTF-16BE hex, the scheduler's date/time/gmt formats; and it answers the documented way
 * (`1701|<cell>|<id>` tuples joined by commas, bare codes for request-level errors).
 */
import { randomUUID } from "node:crypto";
import { deliverCallback, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "../shared/fake-server";
import { parseScheduleValues } from "./schedule";

export interface BulksmsFakeOptions {
  /** Credentials the fake accepts (default `user` / `secret`). */
  username?: string;
  password?: string;
  /** Keep requests and accepted messages (off in benchmarks). Default true. */
  record?: boolean;
  port?: number;
  sendPath?: string;
  schedulePath?: string;
  creditCheckPath?: string;
  /** Names of the scheduler's parameters (default `date`, `time`, `gmt`). */
  scheduleParams?: { date: string; time: string; gmt: string };
  /** The account's batch size: more destinations in one request are refused with a bare 1702. Default 500. */
  maxDestinations?: number;
  /** `|` answers `1701|<cell>|<id>` (the document); `:` answers `1701|<cell>:<id>` (seen in the wild). */
  idSeparator?: "|" | ":";
  /** What the credit check answers (`BALANCE:<balance>`). */
  balance?: string;
}

/** A message the fake accepted (answered 1701). */
export interface AcceptedBulksmsMessage {
  messageId: string;
  /** As sent (with or without `+`). */
  destination: string;
  /** Decoded text (UCS-2 hex turned back into a string). */
  text: string;
  type: string;
  dlr: string;
  source: string;
  /** When the scheduler was asked to hold it. */
  scheduledFor?: Date;
  path: string;
  submittedAt: Date;
}

/** The fields of a pushed delivery report, in the vendor's names. */
export type BulksmsReportField =
  | "sSender"
  | "sMobileNo"
  | "sStatus"
  | "dtSubmit"
  | "dtDone"
  | "sMessageId"
  | "iCostPerSms"
  | "iCharge"
  | "iMCCMNC"
  | "iErrCode";

export interface BulksmsFake {
  /** Base URL to put in the account (`http://127.0.0.1:<port>`). */
  url: string;
  /** The underlying server: recorded requests and transport faults (`hang`, `drop`, 5xx…). */
  server: FakeServer;
  /** Messages accepted so far (empty when `record: false`). */
  accepted: AcceptedBulksmsMessage[];
  /** Messages accepted so far, counted even when not recording. */
  readonly acceptedCount: number;
  /**
   * Makes the gateway answer `code`: as a bare code for the next `times` requests, or, with `destination`,
   * in that destination's tuple for its next `times` submissions. `times` defaults to 1 (`Infinity` allowed).
   */
  forceCode(code: string, target?: { destination?: string; times?: number }): void;
  /** POSTs a delivery report for `message` to `url`, form-encoded, the way the gateway pushes it. */
  deliverReport(
    url: string,
    message: Pick<AcceptedBulksmsMessage, "messageId" | "destination" | "source">,
    status: string,
    overrides?: Partial<Record<BulksmsReportField, string>>,
  ): Promise<{ status: number; body: string }>;
  /** Forgets accepted messages, recorded requests, forced codes and faults. */
  reset(): void;
  close(): Promise<void>;
}

const MESSAGE_PARAMETERS = ["username", "password", "type", "dlr", "destination", "source", "message"];
const VALID_TYPES = new Set(["0", "1", "2", "5", "6", "7"]);
const UNICODE_TYPES = new Set(["2", "6"]);
const UCS2_HEX = /^(?:[0-9A-F]{4})+$/;
const DESTINATION = /^\+?\d{7,15}$/;
/** The document's `source` rule, read literally: "Max Length of 18 if numeric. Max Length of 11 if alphanumeric." */
const SOURCE = /^(?:\+?\d{1,18}|[^\u0000-\u001f]{1,11})$/;

/** Starts the fake on 127.0.0.1. */
export async function startBulksmsFake(options: BulksmsFakeOptions = {}): Promise<BulksmsFake> {
  const username = options.username ?? "user";
  const password = options.password ?? "secret";
  const sendPath = options.sendPath ?? "/bulksms/bulksms";
  const schedulePath = options.schedulePath ?? "/bulksms/schedulemsg";
  const creditCheckPath = options.creditCheckPath ?? "/CreditCheck/checkcredits";
  const names = options.scheduleParams ?? { date: "date", time: "time", gmt: "gmt" };
  const maxDestinations = options.maxDestinations ?? 500;
  const separator = options.idSeparator ?? "|";
  const record = options.record !== false;
  const allowed = new Set([...MESSAGE_PARAMETERS, "ip", names.date, names.time, names.gmt]);
  const idPrefix = randomUUID().slice(0, 23);

  const accepted: AcceptedBulksmsMessage[] = [];
  let acceptedCount = 0;
  let requestCodes: { code: string; remaining: number }[] = [];
  const destinationCodes = new Map<string, { code: string; remaining: number }>();

  const text = (body: string, status = 200): FakeResponse => ({ status, body, contentType: "text/plain; charset=utf-8" });

  const takeRequestCode = (): string | undefined => {
    const entry = requestCodes[0];
    if (!entry) return undefined;
    if (--entry.remaining <= 0) requestCodes.shift();
    return entry.code;
  };
  const takeDestinationCode = (digits: string): string | undefined => {
    const entry = destinationCodes.get(digits);
    if (!entry) return undefined;
    if (--entry.remaining <= 0) destinationCodes.delete(digits);
    return entry.code;
  };

  const creditCheck = (query: URLSearchParams): FakeResponse => {
    if ([...query.keys()].some((key) => key !== "username" && key !== "password")) return text("INVALID_URL");
    if (!query.get("username") || !query.get("password")) return text("INVALID_URL");
    if (query.get("username") !== username || query.get("password") !== password) return text("AUTHORIZATION_FAILED");
    return text(`BALANCE:${options.balance ?? "12345.12"}`);
  };

  const submit = (request: FakeRequest, scheduler: boolean): FakeResponse => {
    const { query } = request;
    for (const key of new Set(query.keys())) {
      if (!allowed.has(key) || query.getAll(key).length > 1) return text("1702");
    }
    if (MESSAGE_PARAMETERS.some((name) => !query.get(name))) return text("1702");
    const scheduleGiven = [names.date, names.time, names.gmt].filter((name) => query.has(name)).length;
    if (scheduleGiven !== 0 && scheduleGiven !== 3) return text("1702");
    if (scheduler && scheduleGiven === 0) return text("1702");
    let scheduledFor: Date | undefined;
    if (scheduleGiven === 3) {
      scheduledFor = parseScheduleValues({ date: query.get(names.date)!, time: query.get(names.time)!, gmt: query.get(names.gmt)! });
      if (!scheduledFor) return text("1702");
    }
    if (query.get("username") !== username || query.get("password") !== password) return text("1703");
    const forced = takeRequestCode();
    if (forced) return text(forced);
    const type = query.get("type")!;
    if (!VALID_TYPES.has(type)) return text("1704");
    const dlr = query.get("dlr")!;
    if (dlr !== "0" && dlr !== "1") return text("1708");
    const source = query.get("source")!;
    if (!SOURCE.test(source)) return text("1707");
    const message = query.get("message")!;
    if (UNICODE_TYPES.has(type) && !UCS2_HEX.test(message)) return text("1705");
    const destinations = query.get("destination")!.split(",");
    if (destinations.length > maxDestinations) return text("1702");

    const decoded = record ? (UNICODE_TYPES.has(type) ? Buffer.from(message, "hex").swap16().toString("utf16le") : message) : "";
    const submittedAt = new Date();
    const tuples = destinations.map((destination) => {
      const digits = destination.startsWith("+") ? destination.slice(1) : destination;
      const code = takeDestinationCode(digits) ?? (DESTINATION.test(destination) ? "1701" : "1706");
      if (code !== "1701") return `${code}|${digits}`;
      const messageId = `${idPrefix}-${(++acceptedCount).toString(16).padStart(12, "0")}`;
      if (record) {
        accepted.push({ messageId, destination, text: decoded, type, dlr, source, scheduledFor, path: request.path, submittedAt });
      }
      return `1701|${digits}${separator}${messageId}`;
    });
    return text(tuples.join(","));
  };

  const server = await startFakeServer(
    (request) => {
      if (request.method !== "GET") return text("Method Not Allowed", 405);
      if (request.path === sendPath) return submit(request, false);
      if (request.path === schedulePath) return submit(request, true);
      if (request.path === creditCheckPath) return creditCheck(request.query);
      return text("Not Found", 404);
    },
    { record, port: options.port },
  );

  return {
    url: server.url,
    server,
    accepted,
    get acceptedCount() {
      return acceptedCount;
    },
    forceCode(code, target = {}) {
      const entry = { code, remaining: target.times ?? 1 };
      if (target.destination === undefined) requestCodes.push(entry);
      else destinationCodes.set(target.destination.replace(/^\+/, ""), entry);
    },
    deliverReport(url, message, status, overrides = {}) {
      const now = gatewayTime(new Date());
      const fields: Record<BulksmsReportField, string> = {
        sSender: message.source,
        sMobileNo: message.destination.replace(/^\+/, ""),
        sStatus: status,
        dtSubmit: now,
        dtDone: now,
        sMessageId: message.messageId,
        iCostPerSms: "1",
        iCharge: "1",
        iMCCMNC: "60301",
        iErrCode: "0",
        ...overrides,
      };
      return deliverCallback(url, {
        method: "POST",
        body: new URLSearchParams(fields).toString(),
        contentType: "application/x-www-form-urlencoded",
      });
    },
    reset() {
      accepted.length = 0;
      requestCodes = [];
      destinationCodes.clear();
      server.reset();
    },
    close: () => server.close(),
  };
}

/** `yyyy-mm-dd hh:mm:ss` in UTC, the fake gateway's clock. */
function gatewayTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace("T", " ");
}
