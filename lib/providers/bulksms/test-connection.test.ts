import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startBulksmsFake } from "./fake-bulksms";
import { bulksmsProvider } from "./index";
import { settingsFor } from "./test-support";

const fake = await startBulksmsFake({ balance: "12345.12" });
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const check = (overrides: Parameters<typeof settingsFor>[1] = {}) => bulksmsProvider.create(settingsFor(fake, overrides)).testConnection();

describe("testConnection", () => {
  it("asks the Credit Check API and reports the balance (BALANCE:12345.12)", async () => {
    const result = await check();
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("balance 12345.12 credits") });
    expect(result.message).toMatch(/delivery reports are pushed/i);
    const [request] = fake.server.requests;
    expect([request.method, request.path, request.query.toString()]).toEqual(["GET", "/CreditCheck/checkcredits", "username=user&password=secret"]);
    expect(fake.acceptedCount).toBe(0);
  });

  it("says when the gateway refuses the credentials, without quoting the password", async () => {
    const result = await check({ credentials: { username: "user", password: "wrong-password" } });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("refused the username or password") });
    expect(result.message).not.toContain("wrong-password");
  });

  it.each([
    ["PERMISSION_DENIED", /too many credit checks/],
    ["INTERNAL_ERROR", /could not fetch the balance/],
    ["INVALID_URL", /missing or incorrect/],
  ])("explains %s", async (answer, message) => {
    fake.server.inject({ type: "status", status: 200, body: answer });
    expect(await check()).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it("says when the deployment has no credit check (404)", async () => {
    const result = await check({ options: { creditCheckPath: "/CreditCheck/missing" } });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("no credit check at /CreditCheck/missing") });
  });

  it("validates only, and says so, when the credit check is switched off", async () => {
    const result = await check({ options: { creditCheckPath: "" } });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("was not contacted") });
    expect(fake.server.requests).toHaveLength(0);
  });

  it("reports an unreachable gateway and a hang within the timeout", async () => {
    fake.server.inject({ type: "hang" });
    const hung = await check({ timeoutMs: 300 });
    expect(hung).toEqual({ ok: false, message: expect.stringContaining("no reply within 300 ms") });
    const closed = await startBulksmsFake();
    await closed.close();
    const unreachable = await bulksmsProvider.create(settingsFor(closed)).testConnection();
    expect(unreachable).toEqual({ ok: false, message: expect.stringContaining("Could not reach the gateway") });
  });

  it("never mistakes an HTML page for a balance, and masks echoed credentials", async () => {
    fake.server.inject({ type: "status", status: 200, body: "<html>login?username=user&password=secret</html>" });
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.message).not.toContain("secret");
  });

  it("lists every invalid setting", async () => {
    const result = await check({
      baseUrl: "ftp://example.com",
      defaultSender: "WAY-TOO-LONG-SENDER",
      options: { creditCheckPath: "" },
    });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/http:\/\/ or https:\/\/.*default sender: A sender name can have at most 11 characters/);
  });
});
