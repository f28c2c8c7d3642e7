import { createListEndpoint, listLists } from "@/lib/api/endpoints/lists";
import { route } from "@/lib/api/route";

export const GET = route(listLists);
export const POST = route(createListEndpoint);
