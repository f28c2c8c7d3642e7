import { getList, updateListEndpoint } from "@/lib/api/endpoints/lists";
import { route } from "@/lib/api/route";

export const GET = route(getList);
export const PATCH = route(updateListEndpoint);
