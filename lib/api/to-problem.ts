/**
 * Turns whatever a handler threw into an ApiProblem: zod issues become one field problem each, a
 * UserError from the library keeps its message (and its field errors, renamed to the API's field names),
 * and anything else is logged with a reference the client can quote.
 */
import type { z } from "zod";
import { publicError, UserError } from "@/lib/errors";
import { ApiProblem, type FieldProblem, type ProblemSlug } from "./problems";

/** An RFC 6901 pointer for a path of keys and indexes. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function fieldProblems(error: z.ZodError, part: FieldProblem["in"]): FieldProblem[] {
  return error.issues.map((issue) => ({ in: part, pointer: jsonPointer(issue.path), message: issue.message }));
}

const SLUG_BY_STATUS: Record<number, ProblemSlug> = { 400: "invalid-request", 404: "not-found", 409: "conflict" };

/**
 * `aliases` renames the library's field names to the endpoint's (e.g. `recipients` → `to`); a dotted
 * library name such as `credentials.password` becomes the pointer `/credentials/password`.
 */
export function toProblem(error: unknown, aliases: Record<string, string> = {}): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof UserError) {
    const fields = Object.entries(error.fieldErrors ?? {});
    if (error.status === 400 && fields.length > 0) {
      const errors = fields.map(([name, message]) => ({ in: "body" as const, pointer: jsonPointer((aliases[name] ?? name).split(".")), message }));
      return new ApiProblem("validation-failed", error.message, { errors });
    }
    return new ApiProblem(SLUG_BY_STATUS[error.status] ?? "invalid-request", error.message);
  }
  // publicError logs the error with a reference and returns a message naming only that reference.
  return new ApiProblem("internal-error", publicError(error).message);
}
