import { getCampaign } from "@/lib/api/endpoints/campaigns";
import { route } from "@/lib/api/route";

export const GET = route(getCampaign);
