/**
 * Creates a campaign as a draft, or scheduled for a time, after every check that can be made before
 * launch: known merge fields, an enabled account, a sender the vendor accepts, valid recipients and a
 * schedule in the future. Nothing here sends; `launchCampaign` does.
 */
import { type Actor, actorFields, audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import type { Vendor } from "@/lib/providers/types";
import { normalizePhone } from "@/lib/sms/normalize-phone";
import { validateSenderId } from "@/lib/sms/sender-id";
import { newCampaignSchema, type NewCampaign } from "./campaign.schema";
import { assertKnownFields } from "./merge-fields";

const SCHEDULE_SLACK_MS = 30_000;

export async function createCampaign(db: Db, input: NewCampaign, actor: Actor, now = new Date()) {
  const c = newCampaignSchema.parse(input);
  const { userId: actorId, apiKeyId } = actorFields(actor);
  const customFields = await db.customField.findMany({ select: { key: true } });
  assertKnownFields(c.text, customFields.map((f) => f.key));

  const account = await db.providerAccount.findUnique({ where: { id: c.providerAccountId } });
  if (!account) throw new UserError("The provider account does not exist.", 400, { providerAccountId: "Choose a provider account." });
  if (!account.enabled) throw new UserError("This provider account is disabled.", 400, { providerAccountId: "This account is disabled." });
  const sender = c.sender || account.defaultSender || undefined;
  if (sender) {
    const check = validateSenderId(account.vendor as Vendor, sender);
    if (!check.ok) throw new UserError(check.message, 400, { sender: check.message });
  }
  if (c.scheduleMode !== "now" && c.scheduledAt!.getTime() < now.getTime() - SCHEDULE_SLACK_MS) {
    throw new UserError("The scheduled time is in the past.", 400, { scheduledAt: "Choose a time in the future." });
  }

  const recipients = normalizeRecipients(c.recipients, c.defaultCountry);
  const listCount = await db.contactList.count({ where: { id: { in: [...c.listIds, ...c.excludeListIds] } } });
  if (listCount !== new Set([...c.listIds, ...c.excludeListIds]).size) throw new UserError("A chosen list no longer exists.", 400, { listIds: "A chosen list no longer exists." });

  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        name: c.name,
        kind: c.kind,
        scheduleMode: c.scheduleMode,
        status: c.scheduleMode === "at" ? "scheduled" : "draft",
        providerAccountId: account.id,
        sender,
        templateId: c.templateId,
        text: c.text,
        recipients: recipients.length > 0 ? recipients : undefined,
        scheduledAt: c.scheduleMode === "now" ? null : c.scheduledAt,
        timezone: c.timezone,
        ratePerSecond: c.ratePerSecond,
        validityHours: c.validityHours,
        createdById: actorId,
        lists: {
          create: [
            ...c.listIds.map((listId) => ({ listId, exclude: false })),
            ...c.excludeListIds.filter((id) => !c.listIds.includes(id)).map((listId) => ({ listId, exclude: true })),
          ],
        },
      },
    });
    await audit(tx, { action: "campaign.create", userId: actorId, apiKeyId, targetType: "campaign", targetId: campaign.id, details: { name: c.name, scheduleMode: c.scheduleMode } });
    return campaign;
  });
}

/** E.164 numbers for typed recipients; every invalid one is reported at once, by its position. */
function normalizeRecipients(raw: string[], defaultCountry?: string): string[] {
  const numbers = new Set<string>();
  const problems: string[] = [];
  raw.forEach((value, index) => {
    const result = normalizePhone(value, defaultCountry);
    if (result.ok) numbers.add(result.e164);
    else if (problems.length < 10) problems.push(`${value || `#${index + 1}`}: ${result.message}`);
  });
  if (problems.length > 0) throw new UserError(`Invalid recipient numbers: ${problems.join("; ")}.`, 400, { recipients: problems.join("; ") });
  return [...numbers];
}
