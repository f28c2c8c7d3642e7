/** The progress of one campaign as JSON, polled by its detail page (any signed-in reader). */
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/current-user";
import { READERS } from "@/lib/auth/roles";
import { getCampaignProgress } from "@/lib/campaigns/campaign-progress";
import { db } from "@/lib/db/client";
import { NotFoundError, publicError } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireUser(READERS);
    const id = Number((await params).id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("The campaign");
    return NextResponse.json(await getCampaignProgress(db(), id), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const { message, status } = publicError(error);
    return NextResponse.json({ error: message }, { status });
  }
}
