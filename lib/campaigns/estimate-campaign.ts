/**
 * What a campaign will cost before it is launched: who receives it (and who is skipped, and why), the
 * segments its rendered messages take, the price at the account's rate per segment, how long sending
 * takes at the rate limit, and a few rendered messages to look at. Read-only: nothing is created.
 *
 * A text without merge fields renders the same for everyone, so its total is exact at any size. A text
 * with merge fields is rendered for the audience in pages of contacts up to `RENDER_LIMIT` recipients;
 * past that the total is extrapolated from those and the result says so (`segments.exact = false`).
 */
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { UserError } from "@/lib/errors";
import { normalizePhone } from "@/lib/sms/normalize-phone";
import { countSegments } from "@/lib/sms/segments";
import { type Audience, type AudienceContact, audienceCondition, readAudiencePage } from "./audience";
import { assertKnownFields, type CompiledTemplate, renderTemplate } from "./merge-fields";
import { RENDER_LIMIT } from "./render-limit";

const PAGE_SIZE = 5000;
const SAMPLE_SIZE = 3;

export interface EstimateInput {
  providerAccountId: number;
  text: string;
  listIds: number[];
  excludeListIds: number[];
  /** Typed numbers (single sends); those not yet contacts are counted as new contacts with no fields. */
  recipients?: string[];
  defaultCountry?: string;
  /** The campaign's own cap, below the account's rate limit. */
  ratePerSecond?: number;
}

export interface RenderedSample {
  phone: string;
  name: string | null;
  text: string;
  encoding: "GSM7" | "UCS2";
  segments: number;
}

export interface CampaignEstimate {
  /** Contacts in the chosen lists (or typed), minus the exclusion lists. */
  audience: number;
  /** Messages that will be sent. */
  recipients: number;
  /** Contacts that will get a `skipped` message instead, by reason. */
  skipped: { optedOut: number };
  segments: {
    total: number;
    /** False when `total` is extrapolated from the first `rendered` recipients. */
    exact: boolean;
    rendered: number;
    /** The longest rendering among those rendered, and its count. */
    longest: RenderedSample | null;
  };
  cost: { amount: string; currency: string; pricePerSegment: string };
  /** Messages per second the send will go at, and the seconds it takes at that pace. */
  ratePerSecond: number;
  durationSeconds: number;
  /** The first recipients' messages, as they will be sent. */
  samples: RenderedSample[];
}

interface Counts {
  audience: number;
  optedOut: number;
}

/** How many contacts `audience` selects, and how many of them opted out. */
export async function countAudience(sql: Sql, audience: Audience): Promise<Counts> {
  const condition = audienceCondition(audience);
  if (!condition) return { audience: 0, optedOut: 0 };
  const [row] = await sql.all<{ total: number | string; opted: number | string | null }>(
    `SELECT COUNT(*) AS total, SUM(CASE WHEN c."optedOut" THEN 1 ELSE 0 END) AS opted FROM "Contact" c WHERE ${condition.where}`,
    condition.params,
  );
  return { audience: Number(row.total), optedOut: Number(row.opted ?? 0) };
}

function sampleOf(template: CompiledTemplate, contact: Pick<AudienceContact, "phone" | "firstName" | "lastName" | "country" | "fields">): RenderedSample {
  const fields = typeof contact.fields === "string" ? (JSON.parse(contact.fields) as Record<string, unknown>) : contact.fields;
  const text = renderTemplate(template, { ...contact, fields });
  const { encoding, segments } = countSegments(text);
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null;
  return { phone: contact.phone, name, text, encoding, segments };
}

/** Splits typed numbers into contacts that exist (by id) and new numbers; invalid ones are an error on the field. */
async function typedRecipients(db: Db, raw: string[], defaultCountry?: string): Promise<{ contactIds: number[]; newNumbers: string[] }> {
  const numbers = new Set<string>();
  for (const value of raw) {
    const result = normalizePhone(value, defaultCountry);
    if (!result.ok) throw new UserError(`${value}: ${result.message}`, 400, { recipients: `${value}: ${result.message}` });
    numbers.add(result.e164);
  }
  const existing = await db.contact.findMany({ where: { phone: { in: [...numbers] } }, select: { id: true, phone: true } });
  const known = new Set(existing.map((c) => c.phone));
  return { contactIds: existing.map((c) => c.id), newNumbers: [...numbers].filter((n) => !known.has(n)) };
}

function costOf(price: string, segments: number): string {
  const decimals = Math.max(2, price.split(".")[1]?.length ?? 0);
  return (Number(price) * segments).toFixed(Math.min(decimals, 6));
}

export async function estimateCampaign(db: Db, sql: Sql, input: EstimateInput, renderLimit = RENDER_LIMIT): Promise<CampaignEstimate> {
  const account = await db.providerAccount.findUnique({ where: { id: input.providerAccountId } });
  if (!account) throw new UserError("The provider account does not exist.", 400, { providerAccountId: "Choose a provider account." });
  const customFields = await db.customField.findMany({ select: { key: true } });
  const template = assertKnownFields(input.text, customFields.map((f) => f.key));

  const typed = await typedRecipients(db, input.recipients ?? [], input.defaultCountry);
  const audience: Audience = { listIds: input.listIds, excludeListIds: input.excludeListIds, contactIds: typed.contactIds };
  const counts = await countAudience(sql, audience);
  const newContacts = typed.newNumbers.map((phone) => ({ phone, firstName: null, lastName: null, country: null, fields: {} }));
  const recipients = counts.audience - counts.optedOut + newContacts.length;

  const samples: RenderedSample[] = [];
  let longest: RenderedSample | null = null;
  let rendered = 0;
  let renderedSegments = 0;
  const consider = (sample: RenderedSample) => {
    if (samples.length < SAMPLE_SIZE) samples.push(sample);
    if (!longest || sample.segments > longest.segments || (sample.segments === longest.segments && sample.text.length > longest.text.length)) longest = sample;
    rendered++;
    renderedSegments += sample.segments;
  };
  for (const contact of newContacts) consider(sampleOf(template, contact));
  // A constant text needs one page for its samples; a text with fields is rendered up to the limit.
  const limit = template.constant ? SAMPLE_SIZE : renderLimit;
  let afterId = 0;
  while (rendered < limit) {
    const page = await readAudiencePage(sql, audience, afterId, PAGE_SIZE);
    if (page.length === 0) break;
    for (const contact of page) {
      if (rendered >= limit) break;
      if (!contact.optedOut) consider(sampleOf(template, contact));
    }
    afterId = Number(page[page.length - 1].id);
  }

  let total: number;
  let exact: boolean;
  if (template.constant) {
    total = recipients * countSegments(input.text).segments;
    exact = true;
  } else {
    exact = rendered >= recipients;
    total = exact ? renderedSegments : Math.round((renderedSegments / Math.max(rendered, 1)) * recipients);
  }
  const ratePerSecond = Math.max(1, Math.min(account.rateLimitPerSecond, input.ratePerSecond ?? Infinity));
  const price = account.pricePerSegment.toString();
  return {
    audience: counts.audience + newContacts.length,
    recipients,
    skipped: { optedOut: counts.optedOut },
    segments: { total, exact, rendered: template.constant ? recipients : rendered, longest },
    cost: { amount: costOf(price, total), currency: account.currency, pricePerSegment: price },
    ratePerSecond,
    durationSeconds: Math.ceil(recipients / ratePerSecond),
    samples,
  };
}
