/**
 * Route handlers for contacts and imports answer like server actions do: authorize first (requireUser with
 * the route's roles), validate with the shared zod schema, and turn errors into `{ error }` with the
 * UserError's status (anything else is logged with a reference id).
 */
import type { z } from "zod";
import type { Role } from "@/lib/db/client";
import { type CurrentUser, requireUser } from "@/lib/auth/current-user";
import { publicError, UserError } from "@/lib/errors";

export async function handle(roles: readonly Role[], run: (user: CurrentUser) => Promise<Response>): Promise<Response> {
  try {
    const user = await requireUser(roles);
    return await run(user);
  } catch (error) {
    const { message, status, fieldErrors } = publicError(error);
    return Response.json({ error: message, fieldErrors }, { status });
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
    throw new UserError("The request is not valid.", 400, fieldErrors);
  }
  return parsed.data;
}

export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new UserError("The request body must be JSON.", 400);
  }
}

export function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UserError("Not found.", 404);
  return id;
}

export function csvResponse(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
