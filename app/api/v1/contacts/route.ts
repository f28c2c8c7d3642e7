import { createContactEndpoint, listContacts } from "@/lib/api/endpoints/contacts";
import { route } from "@/lib/api/route";

export const GET = route(listContacts);
export const POST = route(createContactEndpoint);
