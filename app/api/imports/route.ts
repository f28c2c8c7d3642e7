import { EDITORS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { startImport } from "@/lib/contacts/import-job";
import { startImportSchema } from "@/lib/contacts/import.schema";
import { handle, jsonBody, parseOrThrow } from "../contacts/route-helpers";

/** Starts an import: creates its new custom fields, its list and the job. */
export function POST(request: Request) {
  return handle(EDITORS, async (user) => {
    const input = parseOrThrow(startImportSchema, await jsonBody(request));
    return Response.json(await startImport(db(), user.id, input), { status: 201 });
  });
}
