import { getContact, updateContactEndpoint } from "@/lib/api/endpoints/contacts";
import { route } from "@/lib/api/route";

export const GET = route(getContact);
export const PATCH = route(updateContactEndpoint);
