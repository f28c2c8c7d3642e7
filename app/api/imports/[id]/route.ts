import { z } from "zod";
import { EDITORS, READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { cancelImport, finishImport, getImportReport } from "@/lib/contacts/import-job";
import { handle, idParam, jsonBody, parseOrThrow } from "../../contacts/route-helpers";

type Params = { params: Promise<{ id: string }> };

/** The import's report: counters, status, whether it was interrupted, rejection reasons. */
export function GET(_request: Request, { params }: Params) {
  return handle(READERS, async () => Response.json(await getImportReport(db(), idParam((await params).id))));
}

const endSchema = z.object({ action: z.enum(["finish", "cancel"]) });

/** Finishes or cancels the import (chunks already committed stay). */
export function PATCH(request: Request, { params }: Params) {
  return handle(EDITORS, async (user) => {
    const id = idParam((await params).id);
    const { action } = parseOrThrow(endSchema, await jsonBody(request));
    await (action === "finish" ? finishImport : cancelImport)(db(), id, user.id);
    return Response.json(await getImportReport(db(), id));
  });
}
