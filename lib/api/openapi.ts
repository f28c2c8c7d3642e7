/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoint definitions and their zod schemas
 * (zod 4's `z.toJSONSchema`, JSON Schema 2020-12 as OpenAPI 3.1 uses), so it describes exactly what the
 * route handlers validate and answer.
 */
import { z } from "zod";
import { ENDPOINTS } from "./endpoints";
import type { Endpoint } from "./endpoint";
import { PROBLEMS, problemType } from "./problems";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

function parametersOf(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchema(schema, "input");
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return { name, in: location, required: location === "path" || required.has(name), ...(description ? { description } : {}), schema: propertySchema };
  });
}

const problemRef = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

function errorResponses(endpoint: Endpoint) {
  const responses: Record<string, unknown> = {
    "400": problemRef("Invalid request: `validation-failed` lists every wrong field; also `malformed-json`, `invalid-request`, `invalid-idempotency-key`."),
    "401": problemRef("`unauthenticated`, `invalid-api-key` or `revoked-api-key`."),
    "403": problemRef("`insufficient-scope`."),
    "429": { ...problemRef("`rate-limited`."), headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } },
    "500": problemRef("`internal-error`, with a reference for the server log."),
  };
  if (endpoint.params) responses["404"] = problemRef("`not-found`: no resource has this id.");
  if (endpoint.method !== "GET") responses["409"] = problemRef("`conflict`, `idempotency-key-reused` or `idempotency-request-in-progress`.");
  return responses;
}

function operation(endpoint: Endpoint, schemas: Record<string, unknown>) {
  const op: Record<string, unknown> = {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: [endpoint.description, `Scope: \`${endpoint.scope}\` or higher.`].filter(Boolean).join("\n\n"),
    "x-scope": endpoint.scope,
    parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query")],
  };
  if (endpoint.method === "POST") (op.parameters as unknown[]).push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (endpoint.body) {
    const name = `${pascal(endpoint.operationId)}Request`;
    schemas[name] = jsonSchema(endpoint.body, "input");
    op.requestBody = { required: !endpoint.body.safeParse(undefined).success, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } };
  }
  const responseName = `${pascal(endpoint.operationId)}Response`;
  schemas[responseName] = jsonSchema(endpoint.response.schema, "output");
  op.responses = {
    [String(endpoint.response.status)]: { description: endpoint.response.description, content: { "application/json": { schema: { $ref: `#/components/schemas/${responseName}` } } } },
    ...errorResponses(endpoint),
  };
  return op;
}

const PROBLEM_SCHEMA = {
  type: "object",
  description: "RFC 9457 problem details.",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string", format: "uri", description: "Ends in `#problem-<slug>`; branch on the slug." },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["in", "pointer", "message"],
        properties: { in: { enum: ["body", "query", "path"] }, pointer: { type: "string", description: "RFC 6901 JSON pointer." }, message: { type: "string" } },
      },
    },
  },
};

export function buildOpenApiDocument(appUrl: string) {
  const schemas: Record<string, unknown> = { Problem: PROBLEM_SCHEMA };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path][endpoint.method.toLowerCase()] = operation(endpoint, schemas);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "SMS Campaign Manager API",
      version: "1.0.0",
      description:
        "Send and track SMS from other systems. Authenticate with `Authorization: Bearer <key>` (keys are created by admins on the API keys page). Every POST accepts an `Idempotency-Key` header: a repeat with the same key and body within 24 hours returns the first answer and sends nothing again. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: `${appUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key (`smk_…`)." } },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Up to 255 printable ASCII characters (e.g. a UUID). Repeats within 24 h replay the first answer; another body with the same key is a 409.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      schemas,
    },
    "x-problem-types": Object.entries(PROBLEMS).map(([slug, p]) => ({ type: problemType(appUrl, slug as keyof typeof PROBLEMS), slug, status: p.status, title: p.title, description: p.help })),
  };
}
