/**
 * An API operation described once: its method and path, the scope it needs, zod schemas for its path
 * parameters, query and body, its answer's schema, and the handler. Route files serve these definitions
 * and the OpenAPI document is generated from the same objects, so the two cannot drift.
 */
import type { z } from "zod";
import type { ApiPrincipal } from "@/lib/api-keys/authenticate";
import type { ApiScopeName } from "@/lib/api-keys/api-key.schema";
import type { ApiServices } from "./services";

export type HttpMethod = "GET" | "POST" | "PATCH";

export interface EndpointContext<P, Q, B> {
  services: ApiServices;
  principal: ApiPrincipal;
  params: P;
  query: Q;
  body: B;
}

export interface Endpoint<P = unknown, Q = unknown, B = unknown, R = unknown> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI form below /api/v1, e.g. `/campaigns/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiScopeName;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: { status: 200 | 201 | 202; description: string; schema: z.ZodType<R> };
  /** Library field names → this endpoint's, for field errors raised below the API (e.g. `recipients` → `to`). */
  fieldAliases?: Record<string, string>;
  handle(ctx: EndpointContext<P, Q, B>): Promise<R>;
}

/** Declares an endpoint with its types inferred from its schemas. */
export function defineEndpoint<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(endpoint: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return endpoint;
}
