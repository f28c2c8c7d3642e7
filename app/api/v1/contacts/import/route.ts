import { importContacts } from "@/lib/api/endpoints/contacts";
import { route } from "@/lib/api/route";

export const POST = route(importContacts);
