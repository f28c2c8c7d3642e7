import { listCampaigns, sendCampaign } from "@/lib/api/endpoints/campaigns";
import { route } from "@/lib/api/route";

export const GET = route(listCampaigns);
export const POST = route(sendCampaign);
