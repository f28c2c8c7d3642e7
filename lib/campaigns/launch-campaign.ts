/**
 * Starts a campaign: its audience becomes message rows (queued, or skipped with the reason), rendered and
 * counted once, written page by page in set-based statements. Idempotent: a launch interrupted by a crash
 * runs again from the start and inserts only what is missing, and `launchedAt` marks completion.
 */
import type { Sql } from "@/lib/db/sql";
import { UserError } from "@/lib/errors";
import { countSegments } from "@/lib/sms/segments";
import { type AudienceCondition, type AudienceContact, audienceCondition, audiencePageEnds, contactsForNumbers, idRange, readAudienceRange } from "./audience";
import { recountCampaign } from "@/lib/delivery/counters";
import { type ConstantPage, type ExistingRows, insertConstantPage, insertMessages, type NewMessage } from "./insert-messages";
import { compileTemplate, type CompiledTemplate, renderTemplate } from "./merge-fields";

/** Contacts per transaction when their texts are rendered here. */
const PAGE_SIZE = 5000;
/** Contacts per transaction when the database copies a constant text (no rows pass through the process). */
const CONSTANT_PAGE_SIZE = 50_000;
const PG_UNIQUE_VIOLATION = "23505";

interface CampaignRow {
  id: number;
  text: string;
  providerAccountId: number;
  recipients: string | string[] | null;
  validityHours: number;
}

/**
 * Moves a draft or due scheduled campaign to `sending` and creates its messages. Returns false when
 * another process launched it or is launching it. `launchedAt` is null while rows are still being written,
 * and `launchLeaseUntil` tells other workers the launch is in hand.
 */
export async function launchCampaign(sql: Sql, campaignId: number, now = new Date()): Promise<boolean> {
  const [campaign] = await sql.all<CampaignRow>(
    `SELECT "id", "text", "providerAccountId", "recipients", "validityHours" FROM "Campaign" WHERE "id" = ?`,
    [campaignId],
  );
  if (!campaign) throw new UserError("The campaign does not exist.", 404);
  if (!(await takeLaunchLease(sql, campaignId, now))) return false;
  try {
    await writeMessages(sql, campaign, now);
  } catch (error) {
    // A failed launch is retried at the next chore, not after the lease runs out.
    await sql.run(`UPDATE "Campaign" SET "launchLeaseUntil" = NULL WHERE "id" = ?`, [campaignId]);
    throw error;
  }
  // The recount reads every message of the campaign: it starts with a full lease, as each page does.
  await renewLaunchLease(sql, campaignId);
  await sql.transaction(async (tx) => {
    await recountCampaign(tx, campaignId);
    await tx.run(`UPDATE "Campaign" SET "launchedAt" = ?, "launchLeaseUntil" = NULL, "updatedAt" = ? WHERE "id" = ?`, [now, now, campaignId]);
  });
  return true;
}

/** The audience's messages, written page by page (pages already there are skipped). */
async function writeMessages(sql: Sql, campaign: CampaignRow, now: Date): Promise<void> {
  const campaignId = Number(campaign.id);
  const expiresAt = new Date(now.getTime() + campaign.validityHours * 3600_000);
  const template = compileTemplate(campaign.text);
  const lists = await sql.all<{ listId: number; exclude: boolean | number }>(`SELECT "listId", "exclude" FROM "CampaignList" WHERE "campaignId" = ?`, [campaignId]);
  const recipients = typeof campaign.recipients === "string" ? (JSON.parse(campaign.recipients) as string[]) : (campaign.recipients ?? []);
  const audience = {
    listIds: lists.filter((l) => !l.exclude).map((l) => Number(l.listId)),
    excludeListIds: lists.filter((l) => l.exclude).map((l) => Number(l.listId)),
    contactIds: await contactsForNumbers(sql, recipients, now),
  };

  const condition = audienceCondition(audience);
  if (template.constant && condition) {
    // No merge fields: every message has the same text, so the database copies the audience itself.
    const text = renderTemplate(template, { phone: "" });
    const page: ConstantPage = { campaignId, accountId: campaign.providerAccountId, expiresAt, now, text, ...countSegments(text), condition };
    await writePages(sql, campaignId, await audiencePageEnds(sql, condition, CONSTANT_PAGE_SIZE), (tx, range, existing) => insertConstantPage(tx, page, range, existing));
  } else if (condition) {
    await writePages(sql, campaignId, await audiencePageEnds(sql, condition, PAGE_SIZE), async (tx, range, existing) => {
      const rows = (await readAudienceRange(tx, condition, range)).map((contact) => renderFor(template, contact));
      await insertMessages(tx, campaignId, campaign.providerAccountId, expiresAt, now, rows, existing);
    });
  }
}

/**
 * Takes the launch: a draft or due scheduled campaign, or one `sending` whose launch is unfinished (a
 * crash, or the UI's start) and not leased by a live launcher. One statement, so of several workers
 * exactly one wins; the winner renews the lease page by page (`renewLaunchLease`).
 */
async function takeLaunchLease(sql: Sql, campaignId: number, now: Date): Promise<boolean> {
  const taken = await sql.run(
    `UPDATE "Campaign" SET "status" = 'sending', "launchLeaseUntil" = ?, "updatedAt" = ?
     WHERE "id" = ? AND ("status" IN ('draft', 'scheduled')
       OR ("status" = 'sending' AND "launchedAt" IS NULL AND ("launchLeaseUntil" IS NULL OR "launchLeaseUntil" < ?)))`,
    [leaseEnd(now), now, campaignId, now],
  );
  return taken > 0;
}

/** Its own statement, not part of a page's transaction: PostgreSQL writes two pages at once, and both would wait on the campaign's row. */
async function renewLaunchLease(sql: Sql, campaignId: number): Promise<void> {
  await sql.run(`UPDATE "Campaign" SET "launchLeaseUntil" = ? WHERE "id" = ?`, [leaseEnd(new Date()), campaignId]);
}

/** A page takes a second or two; a launcher silent this long has died. */
const LAUNCH_LEASE_MS = 60_000;
const leaseEnd = (from: Date) => new Date(from.getTime() + LAUNCH_LEASE_MS);

type WritePage = (tx: Sql, range: AudienceCondition, existing: ExistingRows) => Promise<void>;

/**
 * Writes the audience's pages, each contact id range (previous end, end] in its own transaction, then the
 * contacts after the last full page. PostgreSQL writes two pages at once on separate connections (the
 * insert is CPU-bound in the server: index and foreign-key upkeep); SQLite has one writer, so one at a time.
 */
async function writePages(sql: Sql, campaignId: number, pageEnds: number[], write: WritePage): Promise<void> {
  const parallel = sql.dialect === "postgres" ? 2 : 1;
  const writing: Promise<void>[] = [];
  try {
    let afterId = 0;
    for (const lastId of [...pageEnds, null]) {
      await renewLaunchLease(sql, campaignId);
      writing.push(writePage(sql, idRange(afterId, lastId), write));
      if (writing.length >= parallel) await writing.shift();
      if (lastId !== null) afterId = lastId;
    }
    await Promise.all(writing);
  } finally {
    // After a failure, the other page's transaction still ends before the launch reports the failure.
    await Promise.allSettled(writing);
  }
}

/**
 * PostgreSQL's ON CONFLICT inserts each row speculatively, about a fifth of a launch's time, and a page
 * normally finds none of its rows there: so it is written without, and only a page that meets rows already
 * there (a launch resumed after a crash, or another worker launching the same campaign) is written again
 * skipping them. SQLite checks the unique key before inserting anyway, so it always skips.
 */
async function writePage(sql: Sql, range: AudienceCondition, write: WritePage): Promise<void> {
  if (sql.dialect === "sqlite") return sql.transaction((tx) => write(tx, range, "skip"));
  try {
    await sql.transaction((tx) => write(tx, range, "fail"));
  } catch (error) {
    if ((error as { code?: string }).code !== PG_UNIQUE_VIOLATION) throw error;
    await sql.transaction((tx) => write(tx, range, "skip"));
  }
}

function renderFor(template: CompiledTemplate, contact: AudienceContact): NewMessage {
  const fields = typeof contact.fields === "string" ? (JSON.parse(contact.fields) as Record<string, unknown>) : contact.fields;
  const text = renderTemplate(template, { ...contact, fields });
  const { encoding, segments } = countSegments(text);
  const optedOut = Boolean(contact.optedOut);
  return {
    contactId: Number(contact.id),
    destination: contact.phone,
    text,
    encoding,
    segments,
    state: optedOut ? "skipped" : "queued",
    skipReason: optedOut ? "opted_out" : null,
  };
}
