/**
 * Prisma's interactive transactions on SQLite, with another process writing to the same file (a worker
 * beside the app or the command line). The other process is played by a connection of its own that does not
 * take this process's lock, as a second process would not.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-databases";

describe("Prisma transactions on a SQLite file shared with another process", () => {
  let t: TestDatabase & { drop(): Promise<void> };
  let otherProcess: Database.Database;
  beforeAll(async () => {
    t = await createTestDatabase({ name: "sqlite" }, "sqlite-tx");
    otherProcess = new Database(t.url.replace(/^file:/, ""));
    otherProcess.pragma("busy_timeout = 0"); // fail at once instead of blocking the thread both share here
  });
  afterAll(async () => {
    otherProcess.close();
    await t.drop();
  });

  const otherWrites = (key: string) => () => otherProcess.prepare(`INSERT INTO "CustomField" ("key", "label") VALUES (?, ?)`).run(key, key);

  it("take the write lock at BEGIN, so a read then a write never meets a newer snapshot (SQLITE_BUSY)", async () => {
    let otherWrite: unknown = null;
    await t.db.$transaction(async (tx) => {
      await tx.customField.count(); // a read: under a deferred BEGIN this pins the snapshot
      try {
        otherWrites("other_process")();
      } catch (error) {
        otherWrite = error;
      }
      await tx.customField.create({ data: { key: "ours", label: "Ours" } });
    });
    expect(otherWrite).toMatchObject({ code: "SQLITE_BUSY" });
    expect((await t.db.customField.findMany({ select: { key: true } })).map((f) => f.key)).toEqual(["ours"]);
  });

  it("roll back a nested transaction to its savepoint and keep the outer one's work", async () => {
    await t.db.$transaction(async (tx) => {
      await tx.customField.create({ data: { key: "outer", label: "Outer" } });
      const inner = tx.$transaction(async (nested) => {
        await nested.customField.create({ data: { key: "inner", label: "Inner" } });
        throw new Error("inner fails");
      });
      await expect(inner).rejects.toThrow("inner fails");
    });
    const keys = (await t.db.customField.findMany({ where: { key: { in: ["outer", "inner"] } }, select: { key: true } })).map((f) => f.key);
    expect(keys).toEqual(["outer"]);
    await t.db.customField.deleteMany({ where: { key: "outer" } });
  });

  it("release the lock at commit and at rollback", async () => {
    await t.db.$transaction(async (tx) => tx.customField.create({ data: { key: "committed", label: "Committed" } }));
    expect(otherWrites("after_commit")).not.toThrow();
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.customField.create({ data: { key: "rolled_back", label: "Rolled back" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(otherWrites("after_rollback")).not.toThrow();
    const keys = (await t.db.customField.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((f) => f.key);
    expect(keys).toEqual(["after_commit", "after_rollback", "committed", "ours"]);
  });
});
