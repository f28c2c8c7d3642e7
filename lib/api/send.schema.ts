/** Request bodies of the sending endpoints, and how they become the engine's NewCampaign. */
import { z } from "zod";
import type { NewCampaign } from "@/lib/campaigns/campaign.schema";
import type { Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { countryCode, phoneNumber, timestamp } from "./common.schema";

const delivery = {
  text: z.string().min(1, "Write a message.").max(5000, "A message may be at most 5,000 characters.").describe("The message; `{{field}}` and `{{field|fallback}}` merge contact fields."),
  providerAccountId: z.number().int().positive().optional().describe("The account to send through; default: the oldest enabled account."),
  sender: z.string().trim().max(20).optional().describe("Sender ID or number; default: the account's default sender."),
  scheduledAt: timestamp.optional().describe("Send later, at this time (UTC). Omit to send now."),
  scheduleAt: z
    .enum(["app", "gateway"])
    .default("app")
    .describe("`app` (default): the app holds the messages until `scheduledAt` and can still cancel them. `gateway`: handed over now with the vendor's schedule parameter; nothing can cancel them afterwards."),
  validityHours: z.number().int().min(1).max(336).optional().describe("Give up on messages not sent within this many hours of the start (default 24)."),
  defaultCountry: countryCode.optional(),
};

export const sendMessageBodySchema = z.object({
  to: phoneNumber,
  name: z.string().trim().min(1).max(200).optional().describe("A name for the single-message campaign; default `API message to <number>`."),
  ...delivery,
});

export const sendCampaignBodySchema = z
  .object({
    name: z.string().trim().min(1, "Give the campaign a name.").max(200),
    recipients: z.array(phoneNumber).max(100_000).default([]).describe("Numbers to send to; they become (or match) contacts, so opt-outs apply."),
    listIds: z.array(z.number().int().positive()).default([]).describe("Contact lists whose members receive the campaign."),
    excludeListIds: z.array(z.number().int().positive()).default([]).describe("Members of these lists are left out."),
    ratePerSecond: z.number().int().positive().max(100_000).optional().describe("A cap below the account's rate."),
    ...delivery,
  })
  .refine((c) => c.recipients.length > 0 || c.listIds.length > 0, { message: "Give recipients or listIds (or both).", path: ["recipients"] });

type Delivery = z.infer<z.ZodObject<typeof delivery>>;

/** The account to send through: the one named, else the oldest enabled account (the simulator on a fresh install). */
export async function resolveAccountId(db: Db, requested: number | undefined): Promise<number> {
  if (requested) return requested;
  const account = await db.providerAccount.findFirst({ where: { enabled: true }, orderBy: { id: "asc" }, select: { id: true } });
  if (!account) throw new UserError("No provider account is enabled; add one first.", 400, { providerAccountId: "No provider account is enabled." });
  return account.id;
}

async function deliveryFields(db: Db, body: Delivery) {
  return {
    providerAccountId: await resolveAccountId(db, body.providerAccountId),
    sender: body.sender,
    text: body.text,
    scheduleMode: body.scheduledAt ? (body.scheduleAt === "gateway" ? "gateway" : "at") : "now",
    scheduledAt: body.scheduledAt ? new Date(body.scheduledAt) : undefined,
    validityHours: body.validityHours,
    defaultCountry: body.defaultCountry,
  } satisfies Partial<NewCampaign>;
}

export async function singleCampaignInput(db: Db, body: z.infer<typeof sendMessageBodySchema>): Promise<NewCampaign> {
  return { ...(await deliveryFields(db, body)), kind: "single", name: body.name ?? `API message to ${body.to}`, recipients: [body.to] };
}

export async function bulkCampaignInput(db: Db, body: z.infer<typeof sendCampaignBodySchema>): Promise<NewCampaign> {
  return {
    ...(await deliveryFields(db, body)),
    kind: "bulk",
    name: body.name,
    recipients: body.recipients,
    listIds: body.listIds,
    excludeListIds: body.excludeListIds,
    ratePerSecond: body.ratePerSecond,
  };
}
