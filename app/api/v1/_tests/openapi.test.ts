/**
 * The OpenAPI document is valid and matches the routes: every documented operation is exported by the
 * route file of its path, every route file's exported method is documented, and every schema compiles
 * as JSON Schema 2020-12 (the dialect of OpenAPI 3.1).
 */
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { HTTP_METHODS, listRouteFiles } from "@/lib/api/testing/route-files";
import { GET as serveDocument } from "../openapi.json/route";

const doc = buildOpenApiDocument("http://api.test");
const DOCUMENT_ROUTE = "/openapi.json";

describe("the OpenAPI document", () => {
  it("is served at /api/v1/openapi.json without a key", async () => {
    const response = serveDocument();
    expect(response.status).toBe(200);
    expect((await response.json()).openapi).toBe("3.1.0");
  });

  it("documents exactly the methods the route files export", async () => {
    const served: string[] = [];
    for (const route of listRouteFiles().filter((r) => r.path !== DOCUMENT_ROUTE)) {
      const module = (await import(pathToFileURL(route.file).href)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) if (typeof module[method] === "function") served.push(`${method} ${route.path}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`));
    expect(served.sort()).toEqual(documented.sort());
  });

  it("is structurally valid OpenAPI 3.1", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title && doc.info.version).toBeTruthy();
    const operationIds = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      expect(path.startsWith("/")).toBe(true);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(operations) as [string, Record<string, unknown>][]) {
        expect(["get", "post", "patch", "put", "delete"]).toContain(method);
        expect(operationIds.has(op.operationId as string), `duplicate ${op.operationId}`).toBe(false);
        operationIds.add(op.operationId as string);
        const parameters = op.parameters as { name?: string; in?: string; required?: boolean; $ref?: string }[];
        const pathParams = parameters.filter((p) => p.in === "path");
        expect(pathParams.map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated.sort());
        expect(pathParams.every((p) => p.required)).toBe(true);
        const responses = op.responses as Record<string, { description?: string }>;
        expect(Object.keys(responses).some((s) => s.startsWith("2"))).toBe(true);
        for (const response of Object.values(responses)) expect(response.description).toBeTruthy();
      }
    }
  });

  it("resolves every $ref and compiles every schema as JSON Schema 2020-12", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(8, -1).replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(() => ajv.compile(schema as object), name).not.toThrow();
  });

  it("lists every problem type with a stable URI", () => {
    for (const problem of doc["x-problem-types"]) expect(problem.type).toBe(`http://api.test/api-docs#problem-${problem.slug}`);
  });
});
