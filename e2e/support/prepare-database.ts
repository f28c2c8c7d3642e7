/**
 * Gives the e2e server a fresh SQLite database with one user per role and the simulator account, which
 * never answers on its own: a random STOP to one journey's recipient would opt out a contact another
 * journey counts. Journeys that need a reply simulate it from the simulator's page.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { ensureSimulatorAccount } from "@/lib/db/seed";
import { loadConfig } from "@/lib/env";
import { createUser } from "@/lib/users/manage-users";
import { createUserSchema } from "@/lib/users/users.schema";
import { E2E_DATABASE_URL, E2E_USERS } from "./users";

const target = parseDatabaseUrl(E2E_DATABASE_URL);
if (target.kind !== "sqlite") throw new Error("e2e runs on SQLite");
rmSync(path.dirname(target.file), { recursive: true, force: true });
await applyMigrations(E2E_DATABASE_URL);
const db = createDb(E2E_DATABASE_URL);
for (const user of Object.values(E2E_USERS)) {
  await createUser(db, null, createUserSchema.parse({ email: user.email, role: user.role, password: user.password }));
}
await ensureSimulatorAccount(db, loadConfig().encryptionKey, { replyShare: 0 });
await db.$disconnect();
console.log(`e2e database ready: ${target.file}`);
