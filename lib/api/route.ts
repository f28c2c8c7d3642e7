/**
 * Serves an Endpoint as a Next.js route handler. Every request goes through the same steps, in this
 * order: authenticate the key, check its scope, take a token from its rate limit, validate path, query
 * and body (every wrong field reported at once), claim the Idempotency-Key (POST), run the handler, and
 * answer JSON, or problem+json for any error.
 */
import { authenticateApiKey, requireScope } from "@/lib/api-keys/authenticate";
import { takeTokens } from "@/lib/delivery/rate-limit";
import type { Endpoint } from "./endpoint";
import { finishIdempotent, requestFingerprint, startIdempotent } from "./idempotency";
import { ApiProblem, type FieldProblem, problemResponse } from "./problems";
import { apiServices, type ApiServices } from "./services";
import { fieldProblems, toProblem } from "./to-problem";

/** Next's second argument to a route handler; `params` is empty for paths without parameters. */
type RouteContext = { params: Promise<object> };

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's only failure is a syntax error, which is the client's to fix.
    throw new ApiProblem("malformed-json", "The request body is not valid JSON.");
  }
}

async function rateLimit(services: ApiServices, keyId: number): Promise<void> {
  const { granted, waitMs } = await takeTokens(services.sql, `api:${keyId}`, 1, services.ratePerSecond);
  if (granted === 0) {
    throw new ApiProblem("rate-limited", `This key may make ${services.ratePerSecond} requests per second.`, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
  }
}

/** Validates every part of the request; throws one problem listing all that is wrong. */
function validate<P, Q, B>(endpoint: Endpoint<P, Q, B>, rawParams: object, url: URL, rawBody: unknown): { params: P; query: Q; body: B } {
  const errors: FieldProblem[] = [];
  const parse = <T>(schema: Endpoint<T>["params"], value: unknown, part: FieldProblem["in"]): T => {
    if (!schema) return {} as T;
    const result = schema.safeParse(value);
    if (!result.success) errors.push(...fieldProblems(result.error, part));
    return result.data as T;
  };
  const params = parse(endpoint.params, rawParams, "path");
  const query = parse(endpoint.query, Object.fromEntries(url.searchParams), "query");
  const body = endpoint.body ? parse(endpoint.body, rawBody ?? {}, "body") : (undefined as B);
  if (errors.length > 0) {
    // An id that is not a number names nothing that could exist.
    if (errors.every((e) => e.in === "path")) throw new ApiProblem("not-found", "No resource has this id.");
    throw new ApiProblem("validation-failed", `${errors.length} field${errors.length === 1 ? " is" : "s are"} not valid.`, { errors });
  }
  return { params, query, body };
}

function json(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "application/json" } });
}

export async function handleApiRequest<P, Q, B, R>(endpoint: Endpoint<P, Q, B, R>, request: Request, rawParams: object): Promise<Response> {
  const services = apiServices();
  const url = new URL(request.url);
  try {
    const principal = await authenticateApiKey(services.db, request.headers.get("authorization"));
    requireScope(principal, endpoint.scope);
    await rateLimit(services, principal.keyId);
    const rawBody = endpoint.method === "GET" ? undefined : await readJson(request);
    const { params, query, body } = validate(endpoint, rawParams, url, rawBody);

    const idempotencyKey = endpoint.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (idempotencyKey === null) return await run(endpoint, { services, principal, params, query, body }, url);
    const start = await startIdempotent(services.db, principal.keyId, idempotencyKey, requestFingerprint(endpoint.method, url.pathname, rawBody));
    if (start.kind === "replay") {
      const replayed = start.status >= 400 ? new Response(start.body, { status: start.status, headers: { "content-type": "application/problem+json" } }) : json(start.status, start.body);
      replayed.headers.set("idempotent-replayed", "true");
      return replayed;
    }
    // Whatever the handler answers, errors included, is what a retry gets: after it ran we cannot know
    // that running it again would be harmless.
    const response = await run(endpoint, { services, principal, params, query, body }, url);
    await finishIdempotent(services.db, start.recordId, response.status, await response.clone().text());
    return response;
  } catch (error) {
    return problemResponse(toProblem(error), services.appUrl, url.pathname);
  }
}

async function run<P, Q, B, R>(endpoint: Endpoint<P, Q, B, R>, ctx: Parameters<Endpoint<P, Q, B, R>["handle"]>[0], url: URL): Promise<Response> {
  try {
    const result = await endpoint.handle(ctx);
    return json(endpoint.response.status, JSON.stringify(result));
  } catch (error) {
    return problemResponse(toProblem(error, endpoint.fieldAliases), ctx.services.appUrl, url.pathname);
  }
}

/** The route handler for `endpoint`: `export const POST = route(sendMessage);` */
export function route<P, Q, B, R>(endpoint: Endpoint<P, Q, B, R>) {
  return async (request: Request, context: RouteContext): Promise<Response> => handleApiRequest(endpoint, request, await context.params);
}
