/** Sending (one message or a bulk campaign), reading campaigns, and canceling them. */
import { z } from "zod";
import { requestLaunch, cancelCampaign } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import type { NewCampaign } from "@/lib/campaigns/campaign.schema";
import { NotFoundError } from "@/lib/errors";
import { idParamsSchema } from "../common.schema";
import { defineEndpoint, type EndpointContext } from "../endpoint";
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from "../pagination";
import { campaignSchema, presentCampaign } from "../resources/campaign";
import { bulkCampaignInput, sendCampaignBodySchema, sendMessageBodySchema, singleCampaignInput } from "../send.schema";

const TAG = "Sending";

/** Creates the campaign and, unless it waits for its time in the app, starts it: the worker does the rest. */
async function send({ services, principal }: EndpointContext<unknown, unknown, unknown>, input: NewCampaign) {
  const actor = { apiKeyId: principal.keyId };
  const campaign = await createCampaign(services.db, input, actor);
  if (campaign.status === "draft") await requestLaunch(services.sql, campaign.id, actor);
  return presentCampaign(await services.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } }));
}

export const sendMessage = defineEndpoint({
  operationId: "sendMessage",
  method: "POST",
  path: "/messages",
  tag: TAG,
  summary: "Send one message",
  description:
    "Creates a single-message campaign and starts it (or schedules it). The answer is the campaign; its message appears in `GET /messages?campaignId=…` as soon as a worker launches it, usually within a second.",
  scope: "send",
  body: sendMessageBodySchema,
  response: { status: 202, description: "Accepted: the campaign, `sending` or `scheduled`.", schema: campaignSchema },
  fieldAliases: { recipients: "to", listIds: "to" },
  handle: async (ctx) => send(ctx, await singleCampaignInput(ctx.services.db, ctx.body)),
});

export const sendCampaign = defineEndpoint({
  operationId: "sendCampaign",
  method: "POST",
  path: "/campaigns",
  tag: TAG,
  summary: "Send a campaign to many numbers or to lists",
  description: "Creates a bulk campaign and starts it now, or schedules it with `scheduledAt`.",
  scope: "send",
  body: sendCampaignBodySchema,
  response: { status: 202, description: "Accepted: the campaign, `sending` or `scheduled`.", schema: campaignSchema },
  handle: async (ctx) => send(ctx, await bulkCampaignInput(ctx.services.db, ctx.body)),
});

const campaignFilters = pageQuerySchema.extend({
  status: campaignSchema.shape.status.optional().describe("Only campaigns in this status."),
});

export const listCampaigns = defineEndpoint({
  operationId: "listCampaigns",
  method: "GET",
  path: "/campaigns",
  tag: TAG,
  summary: "List campaigns, newest first",
  scope: "read",
  query: campaignFilters,
  response: { status: 200, description: "A page of campaigns.", schema: pageSchema(campaignSchema) },
  handle: async ({ services, query }) => {
    const before = decodeCursor(query.cursor);
    const rows = await services.db.campaign.findMany({
      where: { status: query.status, ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: query.limit + 1,
    });
    return toPage(rows, query.limit, presentCampaign);
  },
});

export const getCampaign = defineEndpoint({
  operationId: "getCampaign",
  method: "GET",
  path: "/campaigns/{id}",
  tag: TAG,
  summary: "Get a campaign with its status and message counts",
  scope: "read",
  params: idParamsSchema,
  response: { status: 200, description: "The campaign.", schema: campaignSchema },
  handle: async ({ services, params }) => {
    const campaign = await services.db.campaign.findUnique({ where: { id: params.id } });
    if (!campaign) throw new NotFoundError("The campaign");
    return presentCampaign(campaign);
  },
});

export const cancelCampaignEndpoint = defineEndpoint({
  operationId: "cancelCampaign",
  method: "POST",
  path: "/campaigns/{id}/cancel",
  tag: TAG,
  summary: "Cancel a scheduled (or sending) campaign",
  description: "Every message not yet handed over becomes `canceled`. Campaigns scheduled at the gateway cannot be canceled once handed over.",
  scope: "send",
  params: idParamsSchema,
  body: z.object({}).optional(),
  response: { status: 200, description: "The canceled campaign.", schema: campaignSchema },
  handle: async ({ services, params, principal }) => {
    await cancelCampaign(services.sql, params.id, { apiKeyId: principal.keyId });
    return presentCampaign(await services.db.campaign.findUniqueOrThrow({ where: { id: params.id } }));
  },
});
