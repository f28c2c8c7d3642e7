/** Schemas shared by the API keys page's forms and the server actions behind them (one schema, two users). */
import { z } from "zod";

/** Scopes nest: `read` ⊂ `send` ⊂ `admin` (DESIGN.md, "Roles"). */
export const API_SCOPES = ["read", "send", "admin"] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScopeName, string> = {
  read: "Read: campaigns, messages, contacts and lists",
  send: "Send: read, plus send messages and manage contacts and lists",
  admin: "Admin: send, plus manage provider accounts",
};

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after the system that will use it.").max(100, "Use at most 100 characters."),
  scope: z.enum(API_SCOPES, { error: "Choose a scope." }),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: z.number().int().positive() });
