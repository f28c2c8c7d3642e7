/**
 * Runs the real /api/v1 route handlers against a test database: requests are real `Request` objects
 * given to the exported GET/POST/PATCH functions of the route files, with the parameters Next would pass.
 * Every answer is checked against the document: a success against the endpoint's response schema (what
 * the OpenAPI document publishes), an error for the problem+json shape. Also creates an admin and one key
 * per scope.
 */
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { sqlFor } from "@/lib/db/sql";
import { config } from "@/lib/env";
import { type TestDatabaseTarget, useTestDatabase } from "@/lib/testing/test-databases";
import { ENDPOINTS } from "../endpoints";
import { PROBLEMS } from "../problems";
import { type ApiServices, setApiServices } from "../services";
import { listRouteFiles, matchRoute } from "./route-files";

export const TEST_APP_URL = "http://api.test";

export interface ApiReply {
  status: number;
  headers: Headers;
  json: any;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  /** Sent as is (not JSON-encoded) when a string. */
  rawBody?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;

export function useApiHarness(target: TestDatabaseTarget, purpose = "api") {
  const t = useTestDatabase(target, purpose);
  const routes = listRouteFiles();
  const keys = { read: "", send: "", admin: "" };
  const harness = {
    t,
    keys,
    adminId: 0,
    /** The services the handlers run on (tests may lower `ratePerSecond`). */
    services: undefined as unknown as ApiServices,
    async call(method: string, urlPath: string, options: CallOptions = {}): Promise<ApiReply> {
      const url = new URL(`/api/v1${urlPath}`, TEST_APP_URL);
      const match = matchRoute(routes, url.pathname.replace(/^\/api\/v1/, ""));
      if (!match) throw new Error(`no route file serves ${urlPath}`);
      const module = (await import(pathToFileURL(match.route.file).href)) as Record<string, Handler | undefined>;
      const handler = module[method];
      if (!handler) return { status: 405, headers: new Headers(), json: null };
      const headers: Record<string, string> = { ...options.headers };
      const key = options.key === undefined ? keys.admin : options.key;
      if (key) headers.authorization = `Bearer ${key}`;
      if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(match.params) });
      const text = await response.text();
      const json = text ? JSON.parse(text) : null;
      assertDocumented(method, match.route.path, response, json);
      return { status: response.status, headers: response.headers, json };
    },
  };
  beforeAll(async () => {
    // The configured key, because the delivery worker's account loader decrypts with it.
    harness.services = { db: t.db, raw: t.raw, sql: sqlFor(t.raw), encryptionKey: config().encryptionKey, appUrl: TEST_APP_URL, ratePerSecond: 1000 };
    setApiServices(harness.services);
    const admin = await t.db.user.create({ data: { email: `admin-${purpose}@api.test`, role: "ADMIN", passwordHash: "unused" } });
    harness.adminId = admin.id;
    for (const scope of ["read", "send", "admin"] as const) keys[scope] = (await createApiKey(t.db, admin.id, { name: `${scope} key`, scope })).key;
  });
  afterAll(() => setApiServices(undefined));
  return harness;
}

/** Fails the test when an answer differs from what the OpenAPI document promises for it. */
function assertDocumented(method: string, routePath: string, response: Response, json: unknown): void {
  const endpoint = ENDPOINTS.find((e) => e.method === method && e.path === routePath);
  if (!endpoint) throw new Error(`${method} ${routePath} is served but not an endpoint of the document`);
  if (response.ok) {
    if (response.status !== endpoint.response.status) throw new Error(`${method} ${routePath} answered ${response.status}, documented ${endpoint.response.status}`);
    const parsed = endpoint.response.schema.safeParse(json);
    if (!parsed.success) throw new Error(`${method} ${routePath} answered outside its schema: ${parsed.error.message}`);
    return;
  }
  const problem = json as { type?: string; status?: number; title?: string; detail?: string };
  const slug = problem?.type?.split("#problem-")[1] as keyof typeof PROBLEMS | undefined;
  if (response.headers.get("content-type") !== "application/problem+json" || !slug || !PROBLEMS[slug] || problem.status !== response.status || !problem.detail) {
    throw new Error(`${method} ${routePath} answered ${response.status} without a documented problem: ${JSON.stringify(json)}`);
  }
  if (PROBLEMS[slug].status !== response.status) throw new Error(`problem ${slug} came with status ${response.status}`);
}
