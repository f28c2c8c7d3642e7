import { expect, test, type APIRequestContext } from "@playwright/test";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { signIn } from "./support/sign-in";
import { E2E_USERS } from "./support/users";

// Over real HTTP against the built app and the worker `npm start` runs beside it. The gateway is a fake
// DIDWW started in this process; its delivery callbacks go to the app's webhook URL.
let gateway: DidwwFake;
test.beforeAll(async () => {
  gateway = await startDidwwFake({ username: "e2e-trunk", password: "e2e-Trunk-Secret-3", dlrEvents: true });
});
test.afterAll(async () => gateway?.close());

const api = (request: APIRequestContext, key: string | null) => {
  const headers = (extra: Record<string, string> = {}) => ({ ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra });
  return {
    get: (path: string) => request.get(`/api/v1${path}`, { headers: headers() }),
    post: (path: string, data: unknown, idempotencyKey?: string) =>
      request.post(`/api/v1${path}`, { headers: headers(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}), data }),
  };
};

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("an admin creates a key, another system sends a campaign with it over HTTP exactly once, and the key is revoked", async ({ page, request }) => {
  await signIn(page, E2E_USERS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.getByLabel("Name").fill("E2E integration");
  await page.getByLabel(/^Admin:/).check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toContainText("it will not be shown again");
  const key = await page.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^smk_/);
  await page.reload();
  await expect(page.getByTestId("api-key-E2E integration")).toContainText(key.slice(0, 12));
  expect(await page.content()).not.toContain(key);

  // The document is public; everything else needs the key.
  const document = await request.get("/api/v1/openapi.json");
  expect((await document.json()).openapi).toBe("3.1.0");
  const anonymous = await api(request, null).get("/campaigns");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toBe("application/problem+json");
  expect((await anonymous.json()).type).toMatch(/\/api-docs#problem-unauthenticated$/);

  const client = api(request, key);
  const account = await client.post("/provider-accounts", {
    vendor: "didww", name: "E2E DIDWW", baseUrl: gateway.url, credentials: { username: "e2e-trunk", password: "e2e-Trunk-Secret-3" }, rateLimitPerSecond: 100,
  });
  expect(account.status()).toBe(201);
  const accountJson = await account.json();
  expect(JSON.stringify(accountJson)).not.toContain("e2e-Trunk-Secret-3");
  gateway.setCallbackUrl(accountJson.webhookUrls.deliveryReport);

  const list = await (await client.post("/lists", { name: "E2E API list" })).json();
  const imported = await (await client.post("/contacts/import", { listId: list.id, rows: [{ phone: "+31688800001", firstName: "Ann" }, { phone: "+31688800002", firstName: "Ben" }, { phone: "+31688800003" }] })).json();
  expect(imported.created).toBe(3);

  const body = { name: "E2E API campaign", text: "Hi {{first_name|friend}}", listIds: [list.id], providerAccountId: accountJson.id };
  const first = await client.post("/campaigns", body, "e2e-campaign-1");
  expect(first.status()).toBe(202);
  const retry = await client.post("/campaigns", body, "e2e-campaign-1");
  expect(retry.status()).toBe(202);
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  const campaign = await first.json();
  expect((await retry.json()).id).toBe(campaign.id);

  const done = await poll(async () => (await client.get(`/campaigns/${campaign.id}`)).json(), (c) => c.status === "completed");
  expect(done).toMatchObject({ status: "completed", recipientCount: 3 });
  const delivered = await poll(
    async () => (await client.get(`/messages?campaignId=${campaign.id}`)).json(),
    (page) => page.data.every((m: { state: string }) => m.state === "delivered"),
  );
  expect(delivered.data.map((m: { state: string }) => m.state)).toEqual(["delivered", "delivered", "delivered"]);
  const message = await (await client.get(`/messages/${delivered.data[0].id}`)).json();
  expect(message.events.length).toBeGreaterThan(0);
  expect(message.events.some((e: { state: string }) => e.state === "delivered")).toBe(true);
  // Sent exactly once per contact, whatever the retry.
  expect(gateway.accepted.map((m) => m.destination).sort()).toEqual(["31688800001", "31688800002", "31688800003"]);

  // Revoked in the UI: refused at the next request.
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("api-key-E2E integration")).toContainText("Revoked");
  const refused = await client.get("/campaigns");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).type).toMatch(/#problem-revoked-api-key$/);

  await page.goto("/api-docs");
  await expect(page.getByTestId("operation-sendMessage")).toContainText("/api/v1/messages");
  await expect(page.locator("#problem-idempotency-key-reused")).toBeVisible();
});

test("only admins see and use API keys; the create action refuses a marketer server-side", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_USERS.admin);
  await admin.goto("/api-keys");
  await admin.getByLabel("Name").fill("Made by admin");
  const actionRequest = admin.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await admin.getByRole("button", { name: "Create key" }).click();
  const captured = await actionRequest;
  await expect(admin.getByTestId("new-api-key")).toBeVisible();

  for (const user of [E2E_USERS.marketer, E2E_USERS.manager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
    expect((await page.goto("/api-keys"))?.status()).toBe(403);
    const response = await page.request.post("/dashboard", {
      headers: { "next-action": captured.headers()["next-action"], "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: captured.postData()!.replace("Made by admin", "Sneaky key"),
    });
    expect(await response.text()).toContain("You do not have permission to do this.");
    await context.close();
  }
  await admin.reload();
  await expect(admin.getByTestId("api-keys-table")).not.toContainText("Sneaky key");
  await adminContext.close();
});
