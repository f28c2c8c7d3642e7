/**
 * The provider actions as the browser calls them, with the session faked at next-auth's edge: a marketer
 * or manager is refused by every action and changes nothing; an admin's results never carry a secret.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { createUser } from "@/lib/users/manage-users";
import { createUserSchema } from "@/lib/users/users.schema";

const session = vi.hoisted(() => ({ userId: undefined as number | undefined }));

vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/env", async (importOriginal) => {
  const { randomBytes } = await import("node:crypto");
  const original = await importOriginal<typeof import("@/lib/env")>();
  // A configuration of the test's own: nothing read from, or generated in, the repository's data folder.
  const cfg = original.loadConfig({ DATABASE_URL: "file:/unused.db", APP_URL: "http://app.test", AUTH_SECRET: "s".repeat(32), APP_ENCRYPTION_KEY: randomBytes(32).toString("hex") });
  return { ...original, config: () => cfg };
});

const actions = await import("./actions");
const SECRET = "Typed-Secret-42";

describe.each(testDatabases())("provider actions on $name", (target) => {
  const t = useTestDatabase(target, "provider-actions");
  const users: Record<string, number> = {};
  let accountId: number;
  const globalDb = globalThis as unknown as { db?: Db };

  beforeAll(async () => {
    globalDb.db = t.db;
    for (const role of ["ADMIN", "MARKETER", "MANAGER"] as const) {
      const user = await createUser(t.db, null, createUserSchema.parse({ email: `${role.toLowerCase()}@test.example`, role, password: "a-good-password" }));
      users[role] = user.id;
    }
  });
  afterAll(() => {
    globalDb.db = undefined;
  });

  const form = (overrides: Record<string, unknown> = {}) => ({
    vendor: "mttm" as const,
    name: "MTTM",
    baseUrl: "https://sms.mttmwholesale.com:8081",
    defaultSender: "",
    rateLimitPerSecond: 10,
    batchSize: 100,
    timeoutMs: 15_000,
    pricePerSegment: "0.01",
    currency: "EUR",
    credentials: { username: "acme", password: SECRET },
    options: { transport: "rest" },
    ...overrides,
  });

  it("lets an admin create an account and test it, with no secret in any result", async () => {
    session.userId = users.ADMIN;
    const created = await actions.saveAccountAction(form());
    expect(created).toMatchObject({ ok: true, data: { id: expect.any(Number) } });
    accountId = (created as { data: { id: number } }).data.id;
    const stored = await t.db.providerAccount.findUniqueOrThrow({ where: { id: accountId } });
    const results = [
      created,
      await actions.saveAccountAction(form({ id: accountId, credentials: { username: "", password: "" } })),
      await actions.testConnectionAction({ accountId }),
      await actions.setAccountEnabledAction({ accountId, enabled: true }),
    ];
    for (const result of results) {
      expect(result.ok).toBe(true);
      for (const secret of [SECRET, stored.credentialsEncrypted]) expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  for (const role of ["MARKETER", "MANAGER"] as const) {
    it(`refuses a ${role.toLowerCase()} every provider action and changes nothing`, async () => {
      session.userId = users[role];
      const before = await t.db.providerAccount.findMany({ orderBy: { id: "asc" } });
      const calls = [
        actions.saveAccountAction(form({ name: "Sneaky" })),
        actions.saveAccountAction(form({ id: accountId, name: "Hijacked", baseUrl: "https://evil.example", credentials: {} })),
        actions.setAccountEnabledAction({ accountId, enabled: false }),
        actions.deleteAccountAction({ accountId }),
        actions.testConnectionAction({ accountId }),
        actions.rotateTokenAction({ accountId }),
        actions.simulateReplyAction({ accountId, from: "+31612345678", text: "STOP" }),
      ];
      for (const result of await Promise.all(calls)) expect(result).toEqual({ ok: false, status: 403, error: "You do not have permission to do this." });
      expect(await t.db.providerAccount.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    });
  }

  it("asks a signed-out caller to sign in", async () => {
    session.userId = undefined;
    expect(await actions.rotateTokenAction({ accountId })).toMatchObject({ ok: false, status: 401 });
  });

  it("puts vendor schema errors on their fields", async () => {
    session.userId = users.ADMIN;
    const result = await actions.saveAccountAction(form({ name: "Second", credentials: { username: "", password: "" }, options: { dlrLevel: "9" } }));
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { "credentials.username": expect.any(String), "options.dlrLevel": expect.any(String) } });
  });
});
