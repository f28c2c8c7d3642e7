/**
 * The connection check: Jasmin's `/ping`, the one call that can never send or cost anything. It proves the
 * base URL reaches the API the account's transport speaks; it cannot prove the credentials, because Jasmin
 * answers `/ping` without checking them (the admin is told so).
 */
import { basicAuth, httpRequest } from "../shared/http";
import type { ConnectionCheck } from "../types";
import { readErrorText, shorten } from "./replies";
import type { MttmSettings } from "./settings";
import { baseUrlOf } from "./transport";
import { PING_PATH } from "./wire";

const PONG = "Jasmin/PONG";

/** Pings the account's API and says in plain words what was and was not checked. */
export async function testMttmConnection(settings: MttmSettings, signal?: AbortSignal): Promise<ConnectionCheck> {
  const rest = settings.options.transport === "rest";
  const api = rest ? "REST API" : "HTTP API";
  const url = `${baseUrlOf(settings)}${PING_PATH}`;
  const reply = await httpRequest({
    method: "GET",
    url,
    // The document's own /ping example carries the Authorization header; Jasmin ignores it there.
    headers: rest ? { authorization: basicAuth(settings.credentials.username, settings.credentials.password), accept: "application/json" } : undefined,
    timeoutMs: settings.timeoutMs,
    signal,
  });
  if (reply.kind !== "response") return { ok: false, message: `Could not reach ${url}: ${reply.reason}.` };
  if (reply.status === 401) return { ok: false, message: "The gateway refused the username or password (401 Unauthorized)." };
  if (reply.status !== 200) {
    return { ok: false, message: `${url} answered HTTP ${reply.status}: ${readErrorText(reply.body)}. Check the base URL.` };
  }
  if (!isPong(reply.body, rest)) {
    const other = rest ? "HTTP API (port 1402)" : "REST API (port 8081)";
    return {
      ok: false,
      message: `${url} is not the MTTM ${api}: expected ${PONG}, got ${shorten(reply.body, 80)}. Is the base URL the ${other} instead?`,
    };
  }
  return {
    ok: true,
    message: `Reached the MTTM ${api} (${PONG}). Its /ping does not check the username and password: the first message sent will.`,
  };
}

/** REST wraps the pong as `{"data": "Jasmin/PONG"}`; the HTTP API answers it bare. */
function isPong(body: string, rest: boolean): boolean {
  if (!rest) return body.trim() === PONG;
  try {
    return (JSON.parse(body) as { data?: unknown })?.data === PONG;
  } catch {
    // not JSON: not the REST API
    return false;
  }
}
