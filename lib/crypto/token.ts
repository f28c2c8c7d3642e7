import { randomBytes } from "node:crypto";

/** An unguessable URL-safe token (webhook URLs, API keys): 32 random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
