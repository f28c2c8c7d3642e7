import { audit } from "@/lib/audit/audit";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { exportRejectedRowsCsv } from "@/lib/contacts/export-contacts";
import { csvResponse, handle, idParam } from "../../../contacts/route-helpers";

/** The rejected rows as CSV (original cells, then row number and reason). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(READERS, async (user) => {
    const id = idParam((await params).id);
    if (!(await db().importJob.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("The import");
    await audit(db(), { action: "import.export_rejected", userId: user.id, targetType: "import", targetId: id });
    return csvResponse(await exportRejectedRowsCsv(db(), id), `import-${id}-rejected.csv`);
  });
}
