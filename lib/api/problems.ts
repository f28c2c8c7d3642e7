/**
 * Every error the API answers with, as RFC 9457 problem details. Each kind has a stable slug; its `type`
 * is `<APP_URL>/api-docs#problem-<slug>`, which opens the readable API page at its explanation. Clients
 * should branch on the slug (the fragment), never on `detail`, which is written for people.
 */
export const PROBLEMS = {
  unauthenticated: { status: 401, title: "Authentication required", help: "Send the key as `Authorization: Bearer <key>`." },
  "invalid-api-key": { status: 401, title: "Invalid API key", help: "The key is unknown, or the admin who created it was deactivated." },
  "revoked-api-key": { status: 401, title: "Revoked API key", help: "An admin revoked this key; ask for a new one." },
  "insufficient-scope": { status: 403, title: "Insufficient scope", help: "The key's scope does not cover this operation (read ⊂ send ⊂ admin)." },
  "malformed-json": { status: 400, title: "Malformed JSON", help: "The request body is not valid JSON." },
  "validation-failed": { status: 400, title: "Validation failed", help: "`errors` lists every field that is wrong, with a JSON pointer to it." },
  "invalid-request": { status: 400, title: "Invalid request", help: "The request is well formed but cannot be carried out as asked; `detail` says why." },
  "not-found": { status: 404, title: "Not found", help: "No resource has this id." },
  conflict: { status: 409, title: "Conflict", help: "The resource is not in a state that allows this (e.g. canceling a finished campaign), or a unique name is taken." },
  "invalid-idempotency-key": { status: 400, title: "Invalid Idempotency-Key", help: "Use 1 to 255 printable ASCII characters, e.g. a UUID." },
  "idempotency-key-reused": { status: 409, title: "Idempotency-Key reused", help: "This key was used within 24 hours for a request with another method, path or body." },
  "idempotency-request-in-progress": { status: 409, title: "Request in progress", help: "A request with this Idempotency-Key is still running; retry after a moment." },
  "rate-limited": { status: 429, title: "Too many requests", help: "This key sent more requests per second than allowed; wait `Retry-After` seconds." },
  "internal-error": { status: 500, title: "Internal error", help: "Something failed on the server; the `detail` carries a reference for the server log." },
} as const;

export type ProblemSlug = keyof typeof PROBLEMS;

/** One wrong field: `pointer` is an RFC 6901 JSON pointer into the part of the request named by `in`. */
export interface FieldProblem {
  in: "body" | "query" | "path";
  pointer: string;
  message: string;
}

/** An error meant for the API client; the route layer turns it into a problem+json response. */
export class ApiProblem extends Error {
  constructor(
    readonly slug: ProblemSlug,
    detail?: string,
    readonly extra: { errors?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? PROBLEMS[slug].title);
    this.name = "ApiProblem";
  }

  get status(): number {
    return PROBLEMS[this.slug].status;
  }
}

export function problemType(appUrl: string, slug: ProblemSlug): string {
  return `${appUrl}/api-docs#problem-${slug}`;
}

/** The problem+json body and response for `problem`; `instance` is the request's path. */
export function problemResponse(problem: ApiProblem, appUrl: string, instance: string): Response {
  const body = {
    type: problemType(appUrl, problem.slug),
    title: PROBLEMS[problem.slug].title,
    status: problem.status,
    detail: problem.message,
    instance,
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (problem.extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(problem.extra.retryAfterSeconds);
  if (problem.status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
  return new Response(JSON.stringify(body), { status: problem.status, headers });
}
