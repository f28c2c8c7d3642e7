/**
 * Errors of two kinds (STYLE.md, point 3): a `UserError` carries a message meant for the person who
 * caused it and is shown as is; anything else is logged with an id and the user sees only that id.
 */
import { randomUUID } from "node:crypto";

export class UserError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    /** Messages per form field, shown beside the field. */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export class UnauthorizedError extends UserError {
  constructor() {
    super("Please sign in.", 401);
  }
}

export class ForbiddenError extends UserError {
  constructor(message = "You do not have permission to do this.") {
    super(message, 403);
  }
}

export class NotFoundError extends UserError {
  constructor(what: string) {
    super(`${what} was not found.`, 404);
  }
}

/** What a browser or API client is told about an error: the message of a UserError, else a reference id. */
export function publicError(error: unknown): { message: string; status: number; fieldErrors?: Record<string, string> } {
  if (error instanceof UserError) return { message: error.message, status: error.status, fieldErrors: error.fieldErrors };
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}]`, error);
  return { message: `Something went wrong (reference ${id}). Please try again.`, status: 500 };
}
