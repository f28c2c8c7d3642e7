import { describe, expect, it } from "vitest";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { createUser } from "@/lib/users/manage-users";
import { createUserSchema } from "@/lib/users/users.schema";
import { checkCredentials, signInDelayMs, WRONG_CREDENTIALS } from "./sign-in";

describe("signInDelayMs", () => {
  it("lets the first failures through and then doubles the wait, up to a cap", () => {
    expect([0, 1, 2].map(signInDelayMs)).toEqual([0, 0, 0]);
    expect([3, 4, 5].map(signInDelayMs)).toEqual([1000, 2000, 4000]);
    expect(signInDelayMs(50)).toBe(5 * 60_000);
  });
});

describe.each(testDatabases())("checkCredentials on $name", (target) => {
  const t = useTestDatabase(target, "signin");
  const password = "a long enough password";

  it("accepts the right password, case-insensitively on the email, and audits the sign-in", async () => {
    const user = await createUser(t.db, null, createUserSchema.parse({ email: "ann@example.com", role: "MARKETER", password }));
    const result = await checkCredentials(t.db, "ANN@example.com", password);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "MARKETER" } });
    expect(await t.db.auditLog.count({ where: { action: "auth.sign_in", userId: user.id } })).toBe(1);
  });

  it("refuses a wrong password or an unknown email with the same message", async () => {
    expect(await checkCredentials(t.db, "ann@example.com", "wrong")).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(await checkCredentials(t.db, "nobody@example.com", "wrong")).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });

  it("slows an account down after repeated failures, even for the right password", async () => {
    await createUser(t.db, null, createUserSchema.parse({ email: "bob@example.com", role: "MANAGER", password }));
    for (let i = 0; i < 3; i++) await checkCredentials(t.db, "bob@example.com", "wrong");
    const result = await checkCredentials(t.db, "bob@example.com", password);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ message: expect.stringMatching(/Too many failed attempts/) });
  });

  it("refuses a deactivated user", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ann@example.com" } });
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await checkCredentials(t.db, "ann@example.com", password)).toMatchObject({ ok: false, message: expect.stringMatching(/deactivated/) });
  });
});
