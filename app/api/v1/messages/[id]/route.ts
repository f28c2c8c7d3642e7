import { getMessage } from "@/lib/api/endpoints/messages";
import { route } from "@/lib/api/route";

export const GET = route(getMessage);
