/** GET: the audit log as CSV, with the page's filters; admins only, and the export itself is audited. */
import { audit } from "@/lib/audit/audit";
import { allAuditLog, auditFilterSchema } from "@/lib/audit/audit-log";
import { requireUser } from "@/lib/auth/current-user";
import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { publicError } from "@/lib/errors";
import { csvResponse } from "@/lib/stats/csv-response";

const HEADER = ["id", "time_utc", "action", "actor", "target_type", "target_id", "details", "ip"];

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(ADMINS);
    const filter = auditFilterSchema.omit({ before: true }).parse(Object.fromEntries(new URL(request.url).searchParams));
    await audit(db(), { action: "audit.export", userId: user.id, targetType: "audit_log", details: { ...filter } });
    async function* rows() {
      for await (const page of allAuditLog(db(), filter, user.timezone)) {
        yield page.map((r) => [r.id, r.createdAt.toISOString(), r.action, r.actor, r.targetType, r.targetId, r.details, r.ip]);
      }
    }
    return csvResponse("audit-log.csv", HEADER, rows());
  } catch (error) {
    const { message, status } = publicError(error);
    return Response.json({ error: message }, { status });
  }
}
