/**
 * Server actions are built here, one builder per trust level (STYLE.md 1): the input is parsed with the
 * same zod schema the form uses, the user is authorized before the body runs, and errors come back as a
 * result the form can show rather than as an exception.
 */
import type { z } from "zod";
import type { Role } from "@/lib/db/client";
import { publicError, UserError } from "@/lib/errors";
import { type CurrentUser, requireUser } from "./current-user";
import { ADMINS, EDITORS, READERS } from "./roles";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; status: number; fieldErrors?: Record<string, string> };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return fields;
}

function makeAction(roles: readonly Role[]) {
  return <S extends z.ZodType, T>(schema: S, body: (input: z.infer<S>, user: CurrentUser) => Promise<T>) =>
    async (input: z.input<S>): Promise<ActionResult<T>> => {
      try {
        const user = await requireUser(roles);
        const parsed = schema.safeParse(input);
        if (!parsed.success) {
          throw new UserError("Please correct the highlighted fields.", 400, fieldErrorsOf(parsed.error));
        }
        return { ok: true, data: await body(parsed.data, user) };
      } catch (error) {
        const { message, status, fieldErrors } = publicError(error);
        return { ok: false, error: message, status, fieldErrors };
      }
    };
}

/** Any signed-in user (their own profile). */
export const signedInAction = makeAction(READERS);
/** Admins and marketers: contacts, templates, campaigns. */
export const editorAction = makeAction(EDITORS);
/** Admins only: users, provider accounts, API keys. */
export const adminAction = makeAction(ADMINS);
