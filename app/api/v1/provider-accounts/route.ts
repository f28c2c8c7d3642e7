import { createProviderAccount, listProviderAccounts } from "@/lib/api/endpoints/provider-accounts";
import { route } from "@/lib/api/route";

export const GET = route(listProviderAccounts);
export const POST = route(createProviderAccount);
