import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { ensureAdmin, ensureSimulatorAccount } from "./seed";

describe.each(testDatabases())("seed on $name", (target) => {
  const t = useTestDatabase(target, "seed");
  const key = randomBytes(32);

  it("creates the first admin once, with a generated password when none is configured", async () => {
    const generated = await ensureAdmin(t.db, { adminEmail: "Boss@Example.com" });
    expect(generated).toMatch(/^\S{12,}$/);
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "boss@example.com" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword(generated!, admin.passwordHash)).toBe(true);
    expect(await ensureAdmin(t.db, { adminEmail: "other@example.com", adminPassword: "x".repeat(12) })).toBeUndefined();
    expect(await t.db.user.count()).toBe(1);
  });

  it("creates the simulator account with encrypted credentials, once", async () => {
    await ensureSimulatorAccount(t.db, key);
    await ensureSimulatorAccount(t.db, key);
    const accounts = await t.db.providerAccount.findMany();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ vendor: "simulator", enabled: true });
    expect(decryptSecret(accounts[0].credentialsEncrypted, key)).toBe("{}");
    expect(accounts[0].webhookToken.length).toBeGreaterThanOrEqual(40);
  });
});
