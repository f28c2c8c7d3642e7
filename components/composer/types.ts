/** Plain data and server actions the composer pages hand to their client components. */
import type { ActionResult } from "@/lib/auth/action";
import type { ComposerAccount } from "@/lib/campaigns/account-limits";
import type { ComposeCampaignInput, EstimateRequest, SingleMessageInput } from "@/lib/campaigns/compose.schema";
import type { CampaignEstimate } from "@/lib/campaigns/estimate-campaign";

export type { ComposerAccount };

export interface ComposerList {
  id: number;
  name: string;
  members: number;
}

export interface ComposerTemplate {
  id: number;
  name: string;
  body: string;
}

export type EstimateFn = (input: EstimateRequest) => Promise<ActionResult<CampaignEstimate>>;
export type LaunchFn = (input: ComposeCampaignInput) => Promise<ActionResult<{ id: number; status: string }>>;
export type SendSingleFn = (input: SingleMessageInput) => Promise<ActionResult<{ id: number; status: string }>>;
