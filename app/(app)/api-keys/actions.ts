"use server";

/** API key actions: admins only (adminAction checks the role on the server before any body runs). */
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/api-key.schema";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";

/** Returns the whole key: the only time it leaves the server. */
export const createApiKeyAction = adminAction(createApiKeySchema, async (input, actor) => {
  const created = await createApiKey(db(), actor.id, input);
  revalidatePath("/api-keys");
  return created;
});

export const revokeApiKeyAction = adminAction(revokeApiKeySchema, async ({ keyId }, actor) => {
  await revokeApiKey(db(), actor.id, keyId);
  revalidatePath("/api-keys");
});
