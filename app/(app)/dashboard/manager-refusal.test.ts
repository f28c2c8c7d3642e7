/**
 * Managers read everything and change nothing: every exported server action of every page, called with a
 * manager's session (faked at next-auth's edge), is refused with 403 before it reads its input.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-databases";
import { createUser } from "@/lib/users/manage-users";
import { createUserSchema } from "@/lib/users/users.schema";

const session = vi.hoisted(() => ({ userId: undefined as number | undefined }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({ redirect: () => {}, notFound: () => {}, forbidden: () => {} }));

/** A user's own settings (their timezone) are theirs to change whatever their role. */
const OWN_PROFILE_ACTIONS = new Set(["updateProfileAction"]);

/** Every `actions.ts` under app/(app), except the signed-in user's own profile page. */
function actionFiles(dir = path.resolve("app/(app)")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "profile" ? [] : actionFiles(full);
    return name === "actions.ts" ? [full] : [];
  });
}

describe("a manager's session", () => {
  beforeAll(async () => {
    const database = await createTestDatabase({ name: "sqlite" }, "manager-refusal");
    (globalThis as unknown as { db?: Db }).db = database.db;
    const manager = await createUser(database.db, null, createUserSchema.parse({ email: "manager@refusal.test", role: "MANAGER", password: "a-good-password" }));
    session.userId = manager.id;
    return async () => {
      (globalThis as unknown as { db?: Db }).db = undefined;
      await database.drop();
    };
  });

  const files = actionFiles();
  it("finds the pages' server actions", () => expect(files.length).toBeGreaterThan(3));

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))("is refused by every action in %s", async (_name, file) => {
    const actions = await import(/* @vite-ignore */ file);
    const exported = Object.entries(actions).filter(([name, value]) => typeof value === "function" && !OWN_PROFILE_ACTIONS.has(name));
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, action] of exported) {
      const result = await (action as (input: unknown) => Promise<{ ok: boolean; status?: number }>)({});
      expect(result, name).toMatchObject({ ok: false, status: 403 });
    }
  });
});
