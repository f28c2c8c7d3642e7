import { describe, expect, it } from "vitest";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { authenticateApiKey, requireScope } from "./authenticate";
import { hashApiKey, scopeAllows } from "./key-format";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys";

describe("scopes", () => {
  it("nest: read ⊂ send ⊂ admin", () => {
    expect(scopeAllows("admin", "send") && scopeAllows("send", "read") && scopeAllows("read", "read")).toBe(true);
    expect(scopeAllows("read", "send") || scopeAllows("send", "admin")).toBe(false);
  });
});

describe.each(testDatabases())("API keys on $name", (target) => {
  const t = useTestDatabase(target, "api-keys");

  it("shows a key once, stores only its hash and prefix, and audits creation and revocation", async () => {
    const admin = await t.db.user.create({ data: { email: "keys-admin@test", role: "ADMIN", passwordHash: "unused" } });
    const created = await createApiKey(t.db, admin.id, { name: " Shop backend ", scope: "send" });
    expect(created.key).toMatch(/^smk_[\w-]{43}$/);
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "Shop backend", scope: "send", prefix: created.key.slice(0, 12), keyHash: hashApiKey(created.key) });
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect((await listApiKeys(t.db))[0]).not.toHaveProperty("keyHash");

    const principal = await authenticateApiKey(t.db, `Bearer ${created.key}`);
    expect(principal).toEqual({ keyId: created.id, scope: "send" });
    expect(() => requireScope(principal, "admin")).toThrow(/admin/);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    await revokeApiKey(t.db, admin.id, created.id);
    await expect(revokeApiKey(t.db, admin.id, created.id)).rejects.toThrow(/already revoked/);
    await expect(authenticateApiKey(t.db, `Bearer ${created.key}`)).rejects.toMatchObject({ slug: "revoked-api-key" });

    const audit = await t.db.auditLog.findMany({ where: { targetType: "api_key", targetId: String(created.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["api_key.create", admin.id], ["api_key.revoke", admin.id]]);
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });

  it("refuses the keys of a deactivated admin, and headers that are not Bearer keys", async () => {
    const admin = await t.db.user.create({ data: { email: "leaver@test", role: "ADMIN", passwordHash: "unused" } });
    const created = await createApiKey(t.db, admin.id, { name: "Old system", scope: "read" });
    await t.db.user.update({ where: { id: admin.id }, data: { active: false } });
    await expect(authenticateApiKey(t.db, `Bearer ${created.key}`)).rejects.toMatchObject({ slug: "invalid-api-key" });
    for (const header of [null, "", `Basic ${created.key}`, "Bearer"]) await expect(authenticateApiKey(t.db, header)).rejects.toMatchObject({ slug: "unauthenticated" });
  });
});
