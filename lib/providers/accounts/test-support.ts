/** Helpers for the account tests: form input as the browser sends it, and raw reads that bypass Prisma. */
import type { RawDb } from "@/lib/db/raw";
import { accountFormSchema, type AccountFormInput, type AccountFormValues } from "./account.schema";

/** A valid form for `vendor` with these overrides, parsed as the server action parses it. */
export function accountForm(overrides: Partial<AccountFormInput> & Pick<AccountFormInput, "vendor" | "name">): AccountFormValues {
  return accountFormSchema.parse({
    baseUrl: "https://gateway.example.com",
    defaultSender: "",
    rateLimitPerSecond: 10,
    batchSize: 1,
    timeoutMs: 15_000,
    pricePerSegment: "0.05",
    currency: "usd",
    credentials: {},
    options: {},
    ...overrides,
  });
}

/** The account's row exactly as the database holds it. */
export async function rawAccountRow(raw: RawDb, id: number): Promise<Record<string, unknown>> {
  if (raw.dialect === "sqlite") return raw.sqlite.prepare(`SELECT * FROM "ProviderAccount" WHERE id = ?`).get(id) as Record<string, unknown>;
  const result = await raw.pool.query(`SELECT * FROM "ProviderAccount" WHERE id = $1`, [id]);
  return result.rows[0] as Record<string, unknown>;
}
