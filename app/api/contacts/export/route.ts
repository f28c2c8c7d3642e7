import { audit } from "@/lib/audit/audit";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { contactFilterSchema } from "@/lib/contacts/contacts.schema";
import { exportContactsCsv } from "@/lib/contacts/export-contacts";
import { csvResponse, handle } from "../route-helpers";

/** Contacts matching the page's filters (or a list) as a streamed CSV download. */
export function GET(request: Request) {
  return handle(READERS, async (user) => {
    const { before: _ignored, ...filter } = contactFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    await audit(db(), { action: "contacts.export", userId: user.id, targetType: "contact", details: JSON.parse(JSON.stringify(filter)) });
    const stamp = new Date().toISOString().slice(0, 10);
    return csvResponse(await exportContactsCsv(db(), sqlFor(rawDb()), filter), `contacts-${stamp}.csv`);
  });
}
