import { listMessages } from "@/lib/api/endpoints/messages";
import { sendMessage } from "@/lib/api/endpoints/campaigns";
import { route } from "@/lib/api/route";

export const GET = route(listMessages);
export const POST = route(sendMessage);
