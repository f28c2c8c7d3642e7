import { describe, expect, it } from "vitest";
import { UserError } from "@/lib/errors";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { changeRole, createUser, setActive } from "./manage-users";
import { createUserSchema } from "./users.schema";

const newUser = (email: string, role: "ADMIN" | "MARKETER" | "MANAGER" = "MARKETER") =>
  createUserSchema.parse({ email, role, password: "correct horse battery" });

describe.each(testDatabases())("managing users on $name", (target) => {
  const t = useTestDatabase(target, "users");

  it("creates a user with a hashed password and audits it in the same transaction", async () => {
    const admin = await createUser(t.db, null, newUser("Root@Example.com", "ADMIN"));
    const user = await createUser(t.db, admin.id, newUser("marketer@example.com"));
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.email).toBe("marketer@example.com");
    expect(stored.passwordHash).not.toContain("correct horse");
    const audits = await t.db.auditLog.findMany({ where: { action: "user.create", targetId: String(user.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0].userId).toBe(admin.id);
    expect(JSON.stringify(audits[0].details)).not.toContain("correct horse");
  });

  it("refuses a second user with the same email, keeping the first", async () => {
    await expect(createUser(t.db, null, newUser("marketer@example.com", "MANAGER"))).rejects.toThrow(/already exists/);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "marketer@example.com" } })).role).toBe("MARKETER");
  });

  it("changes a role and deactivates a user, each audited", async () => {
    const actor = await t.db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "marketer@example.com" } });
    await changeRole(t.db, actor.id, user.id, "MANAGER");
    await setActive(t.db, actor.id, user.id, false);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ role: "MANAGER", active: false });
    expect(await t.db.auditLog.count({ where: { targetId: String(user.id), action: { in: ["user.change_role", "user.deactivate"] } } })).toBe(2);
  });

  it("never leaves the product without an active admin", async () => {
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    await expect(changeRole(t.db, admin.id, admin.id, "MARKETER")).rejects.toBeInstanceOf(UserError);
    await expect(setActive(t.db, admin.id, admin.id, false)).rejects.toThrow(/yourself/);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });
});
