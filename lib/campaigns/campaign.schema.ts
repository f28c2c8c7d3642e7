/** The shape of a new campaign, shared by the composer form, its server action, the API and the CLI. */
import { z } from "zod";

export const newCampaignSchema = z
  .object({
    name: z.string().trim().min(1, "Give the campaign a name.").max(200),
    kind: z.enum(["single", "bulk"]).default("bulk"),
    providerAccountId: z.number().int().positive("Choose a provider account."),
    sender: z.string().trim().max(20).optional(),
    text: z.string().min(1, "Write a message.").max(5000, "A message may be at most 5,000 characters."),
    templateId: z.number().int().positive().optional(),
    listIds: z.array(z.number().int().positive()).default([]),
    excludeListIds: z.array(z.number().int().positive()).default([]),
    /** Phone numbers typed or sent through the API; they become or match contacts at launch. */
    recipients: z.array(z.string().trim().min(1)).max(100_000).default([]),
    scheduleMode: z.enum(["now", "at", "gateway"]).default("now"),
    scheduledAt: z.coerce.date().optional(),
    timezone: z.string().default("UTC"),
    ratePerSecond: z.number().int().positive().max(100_000).optional(),
    validityHours: z.number().int().min(1).max(24 * 14).default(24),
    /** Default country for recipients typed without a country code. */
    defaultCountry: z.string().length(2).optional(),
  })
  .refine((c) => c.scheduleMode === "now" || c.scheduledAt, { message: "Choose when to send.", path: ["scheduledAt"] })
  .refine((c) => c.listIds.length > 0 || c.recipients.length > 0, { message: "Choose at least one list or recipient.", path: ["listIds"] });

export type NewCampaign = z.input<typeof newCampaignSchema>;
