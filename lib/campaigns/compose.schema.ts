/**
 * The composer's and the single-send form's schemas: what the marketer fills in (a local date and time in
 * a chosen zone, an opt-out footer switch), validated the same way in the browser and in the server
 * action, then turned into the engine's `NewCampaign` (UTC time, final text).
 */
import { z } from "zod";
import { fromWallClock } from "@/lib/providers/shared/wall-clock";
import { timezoneSchema } from "@/lib/users/users.schema";
import type { NewCampaign } from "./campaign.schema";
import { withOptOutFooter } from "./opt-out-footer";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant a `datetime-local` value (`2026-05-01T09:30`) names in `timeZone`, or null when malformed. */
export function localToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return fromWallClock({ year, month, day, hour, minute, second: 0 }, timeZone);
}

/** Optional number inputs arrive as NaN or undefined when left empty. */
const optionalCount = (max: number, message: string) =>
  z.preprocess((v) => (v === "" || v === null || (typeof v === "number" && Number.isNaN(v)) ? undefined : v), z.number().int().positive(message).max(max, message).optional());

const accountId = z.number({ error: "Choose a provider account." }).int().positive("Choose a provider account.");
const messageText = z.string().trim().min(1, "Write a message.").max(5000, "A message may be at most 5,000 characters.");
const senderId = z.string().trim().max(20, "A sender ID has at most 20 characters.").optional();

export const composeCampaignSchema = z
  .object({
    name: z.string().trim().min(1, "Give the campaign a name.").max(200),
    providerAccountId: accountId,
    sender: senderId,
    templateId: optionalCount(Number.MAX_SAFE_INTEGER, "Choose a template."),
    text: messageText,
    optOutFooter: z.boolean().default(false),
    listIds: z.array(z.number().int().positive()).min(1, "Choose at least one list."),
    excludeListIds: z.array(z.number().int().positive()).default([]),
    scheduleMode: z.enum(["now", "at", "gateway"]),
    /** `datetime-local` value, read in `timezone`. */
    scheduledLocal: z.string().optional(),
    timezone: timezoneSchema,
    ratePerSecond: optionalCount(100_000, "Use a whole number of messages per second, at least 1."),
  })
  .superRefine((c, ctx) => {
    if (c.scheduleMode === "now") return;
    const at = c.scheduledLocal ? localToUtc(c.scheduledLocal, c.timezone) : null;
    if (!at) ctx.addIssue({ code: "custom", path: ["scheduledLocal"], message: "Choose the date and time to send." });
    else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["scheduledLocal"], message: "Choose a time in the future." });
  });

export type ComposeCampaignInput = z.input<typeof composeCampaignSchema>;
export type ComposeCampaign = z.output<typeof composeCampaignSchema>;

/** The engine's campaign for a validated composer form. */
export function toNewCampaign(c: ComposeCampaign): NewCampaign {
  return {
    name: c.name,
    kind: "bulk",
    providerAccountId: c.providerAccountId,
    sender: c.sender || undefined,
    templateId: c.templateId,
    text: withOptOutFooter(c.text, c.optOutFooter),
    listIds: c.listIds,
    excludeListIds: c.excludeListIds,
    scheduleMode: c.scheduleMode,
    scheduledAt: c.scheduleMode === "now" ? undefined : (localToUtc(c.scheduledLocal!, c.timezone) ?? undefined),
    timezone: c.timezone,
    ratePerSecond: c.ratePerSecond,
  };
}

export const singleMessageSchema = z.object({
  to: z.string().trim().min(1, "Enter the phone number."),
  /** For numbers typed without a country code. */
  defaultCountry: z.string().trim().length(2, "Use a two-letter country code such as NL.").optional().or(z.literal("")),
  providerAccountId: accountId,
  sender: senderId,
  text: messageText,
  optOutFooter: z.boolean().default(false),
});

export type SingleMessageInput = z.input<typeof singleMessageSchema>;

/** The engine's single-recipient campaign for a validated single-message form. */
export function singleToNewCampaign(s: z.output<typeof singleMessageSchema>): NewCampaign {
  return {
    name: `Message to ${s.to}`,
    kind: "single",
    providerAccountId: s.providerAccountId,
    sender: s.sender || undefined,
    text: withOptOutFooter(s.text, s.optOutFooter),
    recipients: [s.to],
    defaultCountry: s.defaultCountry ? s.defaultCountry.toUpperCase() : undefined,
    scheduleMode: "now",
  };
}

/** What the live preview and the confirmation ask the server to estimate. */
export const estimateRequestSchema = z.object({
  providerAccountId: accountId,
  text: messageText,
  optOutFooter: z.boolean().default(false),
  listIds: z.array(z.number().int().positive()).default([]),
  excludeListIds: z.array(z.number().int().positive()).default([]),
  recipients: z.array(z.string().trim().min(1)).max(10).default([]),
  defaultCountry: z.string().trim().length(2).optional().or(z.literal("")),
  ratePerSecond: optionalCount(100_000, "Use a whole number of messages per second, at least 1."),
  /** The live preview, re-run as the marketer types, renders fewer recipients than the confirmation. */
  preview: z.boolean().default(false),
});

export type EstimateRequest = z.input<typeof estimateRequestSchema>;
