/**
 * What a fresh install needs: the first admin and the built-in simulator account. Safe to run on every
 * start: it creates only what is missing.
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { randomToken } from "@/lib/crypto/token";
import type { AppConfig } from "@/lib/env";
import { SIMULATOR_BASE_URL, simulatorOptionsSchema } from "@/lib/providers/simulator/settings";
import type { Db } from "./client";

export const SIMULATOR_ACCOUNT_NAME = "Simulator";

/** Creates the first admin when the database has no user; returns the generated password, if any. */
export async function ensureAdmin(db: Db, cfg: Pick<AppConfig, "adminEmail" | "adminPassword">): Promise<string | undefined> {
  if ((await db.user.count()) > 0) return undefined;
  const generated = cfg.adminPassword ? undefined : randomBytes(12).toString("base64url");
  const password = cfg.adminPassword ?? generated!;
  await db.user.create({
    data: { email: cfg.adminEmail.toLowerCase(), name: "Admin", role: "ADMIN", passwordHash: await hashPassword(password) },
  });
  return generated;
}

/** Creates the simulator account when no account exists; `options` change the simulator's defaults. */
export async function ensureSimulatorAccount(db: Db, encryptionKey: Buffer, options: z.input<typeof simulatorOptionsSchema> = {}): Promise<void> {
  if ((await db.providerAccount.count()) > 0) return;
  await db.providerAccount.create({
    data: {
      vendor: "simulator",
      name: SIMULATOR_ACCOUNT_NAME,
      credentialsEncrypted: encryptSecret("{}", encryptionKey),
      // The simulator's defaults, written out so the account page shows what it does.
      options: simulatorOptionsSchema.parse(options),
      baseUrl: SIMULATOR_BASE_URL,
      defaultSender: "Simulator",
      rateLimitPerSecond: 100,
      batchSize: 100,
      webhookToken: randomToken(),
    },
  });
}

export async function seed(db: Db, cfg: AppConfig): Promise<void> {
  const generated = await ensureAdmin(db, cfg);
  if (generated) {
    console.log(`\n  First admin created: ${cfg.adminEmail} / ${generated}\n  (shown once; change it after signing in)\n`);
  }
  await ensureSimulatorAccount(db, cfg.encryptionKey);
}
