/** GET: a campaign's per-recipient results as CSV, with the report's filters; for every reader, audited. */
import { audit } from "@/lib/audit/audit";
import { csvResponse, isoOrEmpty } from "@/lib/stats/csv-response";
import { requireUser } from "@/lib/auth/current-user";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { NotFoundError, publicError } from "@/lib/errors";
import { allRecipients, recipientFilterSchema } from "@/lib/stats/recipients";

const HEADER = ["message_id", "number", "name", "state", "skip_reason", "error_code", "error_text", "raw_status", "segments", "cost", "currency", "attempts", "submitted_at_utc", "sent_at_utc", "final_at_utc"];

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(READERS);
    const campaignId = Number((await params).id);
    const campaign = Number.isInteger(campaignId) ? await db().campaign.findUnique({ where: { id: campaignId }, select: { id: true, name: true, providerAccount: { select: { currency: true } } } }) : null;
    if (!campaign) throw new NotFoundError("The campaign");
    const filter = recipientFilterSchema.omit({ after: true }).parse(Object.fromEntries(new URL(request.url).searchParams));
    await audit(db(), { action: "report.export", userId: user.id, targetType: "campaign", targetId: campaign.id, details: { ...filter } });

    const currency = campaign.providerAccount.currency;
    async function* rows() {
      for await (const page of allRecipients(sqlFor(rawDb()), campaign!.id, filter)) {
        yield page.map((r) => [
          r.id, r.destination, r.name, r.state, r.skipReason, r.errorCode, r.errorText, r.rawStatus, r.segments, r.cost, r.cost === null ? "" : currency,
          r.attempts, isoOrEmpty(r.submittedAt), isoOrEmpty(r.sentAt), isoOrEmpty(r.finalAt),
        ]);
      }
    }
    return csvResponse(`campaign-${campaign.id}-recipients.csv`, HEADER, rows());
  } catch (error) {
    const { message, status } = publicError(error);
    return Response.json({ error: message }, { status });
  }
}
