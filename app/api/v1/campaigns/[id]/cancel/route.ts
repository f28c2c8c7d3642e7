import { cancelCampaignEndpoint } from "@/lib/api/endpoints/campaigns";
import { route } from "@/lib/api/route";

export const POST = route(cancelCampaignEndpoint);
