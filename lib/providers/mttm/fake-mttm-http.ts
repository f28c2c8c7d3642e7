/**
 * The fake's HTTP API (jasmin/protocols/http): `GET /ping` and `/send` with the credentials among the
 * parameters, answering `Success "<id>"` or `Error "<text>"` in plain text. Jasmin also takes `/send` as
 * a form POST; both are served.
 */
import type { FakeHandler, FakeResponse } from "../shared/fake-server";
import { jasminSend, type CoreContext, type MttmFakeMessage } from "./fake-mttm-core";

/** What the HTTP handler needs from the fake around it. */
export interface HttpGateway extends CoreContext {
  accept(message: MttmFakeMessage): void;
}

const text = (status: number, body: string): FakeResponse => ({ status, body, contentType: "text/plain" });

/** The request handler of the HTTP API server. */
export function httpHandler(gw: HttpGateway): FakeHandler {
  return (req) => {
    if (req.path === "/ping") return req.method === "GET" ? text(200, "Jasmin/PONG") : text(405, "Method Not Allowed");
    if (req.path !== "/send") return text(404, "No Such Resource");
    if (req.method !== "GET" && req.method !== "POST") return text(405, "Method Not Allowed");
    const args: Record<string, string> = {};
    const add = (params: URLSearchParams) => params.forEach((value, key) => (args[key] ??= value));
    add(req.query);
    if (req.method === "POST" && String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
      add(new URLSearchParams(req.body));
    }
    const result = jasminSend(args, "http-send", gw);
    if (!result.ok) return text(result.error.status, `Error "${result.error.text}"`);
    gw.accept(result.message);
    return text(200, `Success "${result.message.id}"`);
  };
}
