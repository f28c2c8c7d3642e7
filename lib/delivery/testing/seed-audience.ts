/** Test and benchmark fixtures: contacts in a list, an account row, and a campaign ready to launch. */
import type { Db } from "@/lib/db/client";
import { sqlFor } from "@/lib/db/sql";
import type { RawDb } from "@/lib/db/raw";

/** Inserts `count` contacts `+3161000xxxx` into a new list; returns the list id and the numbers. */
export async function seedList(raw: RawDb, name: string, count: number, firstNumber = 31610000000): Promise<{ listId: number; phones: string[] }> {
  const sql = sqlFor(raw);
  const now = new Date();
  const [list] = await sql.all<{ id: number }>(`INSERT INTO "ContactList" ("name", "createdAt", "updatedAt") VALUES (?, ?, ?) RETURNING "id"`, [name, now, now]);
  const phones = Array.from({ length: count }, (_, i) => `+${firstNumber + i}`);
  for (let i = 0; i < phones.length; i += 500) {
    const chunk = phones.slice(i, i + 500);
    await sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO "Contact" ("phone", "firstName", "fields", "source", "createdAt", "updatedAt") VALUES ${chunk.map(() => `(?, ?, '{}', 'test', ?, ?)`).join(", ")} ON CONFLICT ("phone") DO NOTHING`,
        chunk.flatMap((p, j) => [p, `Name${i + j}`, now, now]),
      );
      await tx.run(
        `INSERT INTO "ListMembership" ("listId", "contactId", "addedAt") SELECT ?, "id", ? FROM "Contact" WHERE "phone" IN (${chunk.map(() => "?").join(", ")}) ON CONFLICT DO NOTHING`,
        [Number(list.id), now, ...chunk],
      );
    });
  }
  return { listId: Number(list.id), phones };
}

/** A provider account row (the engine test loads adapters itself, so credentials are not used). */
export async function seedAccount(db: Db, vendor: "didww" | "mttm" | "masiv" | "simulator" | "bulksms", baseUrl: string, rateLimitPerSecond = 100_000, batchSize = 1000) {
  return db.providerAccount.create({
    data: { vendor, name: `${vendor}-${baseUrl}-${Math.random()}`, credentialsEncrypted: "unused", options: {}, baseUrl, rateLimitPerSecond, batchSize, webhookToken: `token-${Math.random()}` },
  });
}
