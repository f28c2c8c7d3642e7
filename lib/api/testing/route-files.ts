/**
 * The route files under app/api/v1 and the URL paths they serve, read from the file system the way Next's
 * App Router reads them (`[id]` is a parameter; folders starting with `_` are private). The OpenAPI test
 * compares them with the document; the test client dispatches requests to them.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@/lib/env";

export const API_DIR = path.join(repoRoot, "app", "api", "v1");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteFile {
  file: string;
  /** OpenAPI form below /api/v1: `/campaigns/{id}/cancel`. */
  path: string;
  segments: string[];
}

export function listRouteFiles(dir = API_DIR, prefix: string[] = []): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith("_")) found.push(...listRouteFiles(path.join(dir, entry.name), [...prefix, entry.name]));
    else if (entry.isFile() && entry.name === "route.ts") {
      found.push({ file: path.join(dir, entry.name), segments: prefix, path: `/${prefix.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}` });
    }
  }
  return found;
}

/** The route file serving `urlPath` (below /api/v1) and its parameters; static segments win over `[param]`, as in Next. */
export function matchRoute(routes: RouteFile[], urlPath: string): { route: RouteFile; params: Record<string, string> } | undefined {
  const parts = urlPath.split("/").filter(Boolean);
  const candidates = routes
    .filter((r) => r.segments.length === parts.length)
    .sort((a, b) => a.segments.filter((s) => s.startsWith("[")).length - b.segments.filter((s) => s.startsWith("[")).length);
  for (const route of candidates) {
    const params: Record<string, string> = {};
    const ok = route.segments.every((segment, i) => {
      const param = /^\[(\w+)\]$/.exec(segment);
      if (param) params[param[1]] = decodeURIComponent(parts[i]);
      return param !== null || segment === parts[i];
    });
    if (ok) return { route, params };
  }
  return undefined;
}
