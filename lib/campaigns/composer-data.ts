/**
 * What the composer pages load: accounts (as the composer sees them), lists with their sizes, templates,
 * merge fields, and the values of a campaign being duplicated. Read-only.
 */
import { memberCounts } from "@/lib/contacts/lists";
import type { Db } from "@/lib/db/client";
import { customFieldKeys } from "@/lib/templates/manage-templates";
import { composerAccount } from "./account-limits";
import { CONTACT_FIELDS } from "./merge-fields";

export async function loadComposerData(db: Db) {
  const [accounts, lists, counts, templates, keys] = await Promise.all([
    db.providerAccount.findMany({ orderBy: { name: "asc" } }),
    db.contactList.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    memberCounts(db),
    db.template.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, body: true } }),
    customFieldKeys(db),
  ]);
  return {
    accounts: accounts.map(composerAccount),
    lists: lists.map((l) => ({ id: l.id, name: l.name, members: counts.get(l.id) ?? 0 })),
    templates,
    mergeFields: [...CONTACT_FIELDS, ...keys],
  };
}

/** Every IANA zone this runtime knows, with UTC and the user's own zone guaranteed to be among them. */
export function timeZoneChoices(userZone: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  zones.add(userZone);
  return [...zones].sort();
}

/** The settings of an earlier campaign, to start a new one from ("Duplicate"); null when it does not exist. */
export async function campaignToDuplicate(db: Db, id: number) {
  const c = await db.campaign.findUnique({ where: { id }, include: { lists: true } });
  if (!c) return null;
  return {
    kind: c.kind,
    name: `${c.name} (copy)`,
    providerAccountId: c.providerAccountId,
    sender: c.sender ?? "",
    templateId: c.templateId ?? undefined,
    text: c.text,
    listIds: c.lists.filter((l) => !l.exclude).map((l) => l.listId),
    excludeListIds: c.lists.filter((l) => l.exclude).map((l) => l.listId),
    ratePerSecond: c.ratePerSecond ?? undefined,
    recipients: Array.isArray(c.recipients) ? (c.recipients as string[]) : [],
  };
}
