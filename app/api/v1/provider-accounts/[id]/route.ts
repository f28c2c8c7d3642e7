import { getProviderAccount, updateProviderAccount } from "@/lib/api/endpoints/provider-accounts";
import { route } from "@/lib/api/route";

export const GET = route(getProviderAccount);
export const PATCH = route(updateProviderAccount);
