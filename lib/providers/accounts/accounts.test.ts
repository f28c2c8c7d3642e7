import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/crypto/secret-box";
import { UserError } from "@/lib/errors";
import { startBulksmsFake } from "@/lib/providers/bulksms/fake-bulksms";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { getAccountDetails, listAccounts } from "./account-view";
import { decryptCredentials } from "./credentials";
import { adapterForAccount, getAccountOrThrow } from "./load-account";
import { deleteAccount, setAccountEnabled } from "./manage-account";
import { createAccount, updateAccount } from "./save-account";
import { testConnection } from "./test-connection";
import { accountForm, rawAccountRow } from "./test-support";

const key = randomBytes(32);
const PASSWORD = "pa55-Very-Secret";

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).fieldErrors ?? {};
}

describe.each(testDatabases())("provider accounts on $name", (target) => {
  const t = useTestDatabase(target, "accounts");
  let mttmId: number;

  it("stores credentials only as AES-GCM ciphertext, and audits without secret values", async () => {
    const { id } = await createAccount(
      t.db,
      null,
      accountForm({ vendor: "mttm", name: "MTTM main", credentials: { username: "acme", password: PASSWORD }, options: { transport: "rest", dlrLevel: "3" } }),
      key,
    );
    mttmId = id;
    const row = await rawAccountRow(t.raw, id);
    expect(String(row.credentialsEncrypted)).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(JSON.stringify(row)).not.toContain("acme");
    expect(decryptCredentials(String(row.credentialsEncrypted), key)).toEqual({ username: "acme", password: PASSWORD });
    // options are stored parsed, defaults filled in
    expect(JSON.parse(typeof row.options === "string" ? row.options : JSON.stringify(row.options))).toMatchObject({ transport: "rest", dlrLevel: 3, maxSegments: 5 });
    const audits = await t.db.auditLog.findMany({ where: { action: "provider.create", targetId: String(id) } });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0].details)).not.toContain(PASSWORD);
    expect(audits[0].details).toMatchObject({ vendor: "mttm", credentialFields: ["username", "password"] });
  });

  it("fails loudly with a wrong APP_ENCRYPTION_KEY", async () => {
    const account = await getAccountOrThrow(t.db, mttmId);
    const wrongKey = randomBytes(32);
    expect(() => adapterForAccount(account, wrongKey)).toThrow(DecryptionError);
    expect(() => adapterForAccount(account, wrongKey)).toThrow(/APP_ENCRYPTION_KEY/);
    await expect(updateAccount(t.db, null, mttmId, accountForm({ vendor: "mttm", name: "MTTM main" }), wrongKey)).rejects.toBeInstanceOf(DecryptionError);
    expect(await testConnection(t.db, mttmId, wrongKey)).toMatchObject({ ok: false, message: expect.stringMatching(/APP_ENCRYPTION_KEY/) });
    const details = await getAccountDetails(t.db, mttmId, wrongKey, "http://app.test");
    expect(details.credentials.readable).toBe(false);
    // the right key still works
    expect(adapterForAccount(account, key).vendor).toBe("mttm");
  });

  it("keeps a stored credential when its field is left empty, and replaces one that is typed", async () => {
    const form = (credentials: Record<string, string>) =>
      accountForm({ vendor: "mttm", name: "MTTM renamed", credentials, options: { transport: "rest" }, defaultSender: "ACME" });
    await updateAccount(t.db, null, mttmId, form({ username: "", password: "" }), key);
    let stored = await getAccountOrThrow(t.db, mttmId);
    expect(stored).toMatchObject({ name: "MTTM renamed", defaultSender: "ACME" });
    expect(decryptCredentials(stored.credentialsEncrypted, key)).toEqual({ username: "acme", password: PASSWORD });

    await updateAccount(t.db, null, mttmId, form({ username: "", password: "n3w-password" }), key);
    stored = await getAccountOrThrow(t.db, mttmId);
    expect(decryptCredentials(stored.credentialsEncrypted, key)).toEqual({ username: "acme", password: "n3w-password" });
    const last = await t.db.auditLog.findFirstOrThrow({ where: { action: "provider.update", targetId: String(mttmId) }, orderBy: { id: "desc" } });
    expect(last.details).toEqual({ changed: [], credentialsChanged: ["password"] });
    expect(JSON.stringify(last.details)).not.toContain("n3w-password");
  });

  it("puts every problem on its field: missing credentials, bad options, too large a batch, a taken name", async () => {
    const errors = await fieldErrorsOf(
      createAccount(
        t.db,
        null,
        accountForm({ vendor: "mttm", name: "Broken", credentials: { username: "u", password: "" }, options: { dlrLevel: "7", transport: "http" }, batchSize: 50, baseUrl: "ftp://x" }),
        key,
      ),
    );
    expect(errors).toMatchObject({ "credentials.password": expect.any(String), "options.dlrLevel": expect.any(String), baseUrl: expect.stringMatching(/http/) });
    const batch = await fieldErrorsOf(
      createAccount(t.db, null, accountForm({ vendor: "mttm", name: "Broken", credentials: { username: "u", password: "p" }, options: { transport: "http" }, batchSize: 50 }), key),
    );
    expect(batch.batchSize).toMatch(/At most 1/);
    const taken = await fieldErrorsOf(createAccount(t.db, null, accountForm({ vendor: "simulator", name: "MTTM renamed" }), key));
    expect(taken.name).toMatch(/already has this name/);
  });

  it("never hands a page a secret: details carry which fields are set, not values or ciphertext", async () => {
    const row = await getAccountOrThrow(t.db, mttmId);
    const details = await getAccountDetails(t.db, mttmId, key, "http://app.test");
    const text = JSON.stringify([details, await listAccounts(t.db)]);
    expect(details.credentials).toEqual({ readable: true, set: { username: true, password: true } });
    for (const secret of ["n3w-password", "acme", row.credentialsEncrypted, row.credentialsEncrypted.split(".")[3]]) expect(text).not.toContain(secret);
    expect(details.webhookUrls.deliveryReport).toBe(`http://app.test/api/webhooks/${row.webhookToken}/report`);
  });

  it("refuses to delete an account that campaigns use, and deletes one no campaign uses", async () => {
    const campaign = await t.db.campaign.create({ data: { name: "Spring", kind: "bulk", providerAccountId: mttmId, text: "Hi" } });
    await expect(deleteAccount(t.db, null, mttmId)).rejects.toThrow(/used by 1 campaign.*Disable it instead/);
    expect(await t.db.providerAccount.count({ where: { id: mttmId } })).toBe(1);

    await setAccountEnabled(t.db, null, mttmId, false);
    expect((await getAccountOrThrow(t.db, mttmId)).enabled).toBe(false);
    expect(await t.db.auditLog.count({ where: { action: "provider.disable", targetId: String(mttmId) } })).toBe(1);

    const { id } = await createAccount(t.db, null, accountForm({ vendor: "simulator", name: "Spare simulator", baseUrl: "simulator://local" }), key);
    // An event left for the account (its message gone with a campaign deleted outside the app) has no foreign key to it.
    await t.db.deliveryEvent.create({ data: { providerAccountId: id, providerMessageId: "never-ours", rawStatus: "DELIVRD" } });
    await deleteAccount(t.db, null, id);
    expect(await t.db.providerAccount.count({ where: { id } })).toBe(0);
    expect(await t.db.deliveryEvent.count({ where: { providerAccountId: id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "provider.delete", targetId: String(id) } })).toBe(1);
    await t.db.campaign.delete({ where: { id: campaign.id } });
  });

  it("tests the connection through the vendor's adapter against its fake gateway", async () => {
    const fake = await startBulksmsFake({ username: "bulk-user", password: PASSWORD });
    try {
      const { id } = await createAccount(
        t.db,
        null,
        accountForm({ vendor: "bulksms", name: "bulksms", baseUrl: fake.url, credentials: { username: "bulk-user", password: PASSWORD } }),
        key,
      );
      const check = await testConnection(t.db, id, key);
      expect(check).toMatchObject({ ok: true, message: expect.stringMatching(/balance 12345\.12/) });
      await updateAccount(t.db, null, id, accountForm({ vendor: "bulksms", name: "bulksms", baseUrl: fake.url, credentials: { password: "wrong-password" } }), key);
      const refused = await testConnection(t.db, id, key);
      expect(refused.ok).toBe(false);
      expect(refused.message).not.toContain("wrong-password");
    } finally {
      await fake.close();
    }
  });
});
