import { testProviderAccount } from "@/lib/api/endpoints/provider-accounts";
import { route } from "@/lib/api/route";

export const POST = route(testProviderAccount);
