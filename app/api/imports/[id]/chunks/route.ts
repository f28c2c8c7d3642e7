import { EDITORS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { processImportChunk } from "@/lib/contacts/import-job";
import { importChunkSchema } from "@/lib/contacts/import.schema";
import { handle, idParam, jsonBody, parseOrThrow } from "../../../contacts/route-helpers";

/** One chunk of rows, applied in one transaction; a repeated chunk index changes nothing. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(EDITORS, async () => {
    const id = idParam((await params).id);
    const chunk = parseOrThrow(importChunkSchema, await jsonBody(request));
    return Response.json(await processImportChunk(db(), rawDb(), id, chunk));
  });
}
