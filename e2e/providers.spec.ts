import { expect, test } from "@playwright/test";
import { startBulksmsFake, type BulksmsFake } from "@/lib/providers/bulksms/fake-bulksms";
import { signIn } from "./support/sign-in";
import { E2E_USERS } from "./support/users";

// The gateway is a fake started in this test process on 127.0.0.1; the app under test reaches it over HTTP.
const SECRET = "e2e-Gateway-Secret-9";
let gateway: BulksmsFake;

test.beforeAll(async () => {
  gateway = await startBulksmsFake({ username: "e2e-user", password: SECRET });
});
test.afterAll(async () => gateway?.close());

test("an admin connects a gateway, tests it, sees its webhook URLs and rotates the token", async ({ page, browser }) => {
  await signIn(page, E2E_USERS.admin);
  await page.goto("/providers");
  await expect(page.getByTestId("provider-Simulator")).toBeVisible();
  await page.getByRole("link", { name: "Unified Communications (bulksms)" }).click();

  await page.getByLabel("Account name").fill("Fake bulksms");
  await page.getByLabel("Base URL", { exact: true }).selectOption("custom");
  await page.getByLabel("Custom base URL").fill(gateway.url);
  await page.getByLabel("Username", { exact: true }).fill("e2e-user");
  // A mistake first: the error is shown on its field and nothing is saved.
  await page.getByLabel("Batch size").fill("100000");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Batch size")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("At most 500 for this gateway.", { exact: true })).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(SECRET);
  await page.getByLabel("Batch size").fill("200");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page).toHaveURL(/\/providers\/\d+$/);
  await expect(page.getByRole("heading", { name: "Fake bulksms" })).toBeVisible();

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Connection OK.");
  await expect(page.getByTestId("connection-result")).toContainText("balance 12345.12 credits");
  expect(gateway.server.requests.some((r) => r.path === "/CreditCheck/checkcredits")).toBe(true);

  const reportUrl = page.getByLabel("Delivery reports URL");
  const before = await reportUrl.inputValue();
  expect(before).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/webhooks\/[\w-]{40,}\/report$/);
  await expect(page.getByLabel("Inbound messages URL")).toHaveValue(before.replace(/report$/, "inbound"));

  // Stored credentials are shown as set, never as values.
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("placeholder", "•••• (unchanged)");
  const html = await (await page.request.get(page.url())).text();
  expect(html).toContain("Fake bulksms");
  expect(html).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);

  // Saving without retyping the password keeps it: the connection still works.
  await page.getByLabel("Default sender (optional)").fill("ACME");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("account-form-message")).toHaveText("Saved.");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Connection OK.");

  // Rotating asks first and says the old URLs keep working.
  await page.getByRole("button", { name: "Rotate token" }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate the webhook token?" });
  await expect(dialog).toContainText("keep working for 7 days");
  const rotateRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await dialog.getByRole("button", { name: "Rotate" }).click();
  const captured = await rotateRequest;
  await expect(reportUrl).not.toHaveValue(before);
  await expect(reportUrl).toHaveValue(/\/api\/webhooks\/[\w-]{40,}\/report$/);
  await expect(page.getByTestId("previous-token-notice")).toBeVisible();
  const afterRotation = await reportUrl.inputValue();

  // A marketer replaying the admin's rotate request is refused on the server; the URLs stay.
  const marketerContext = await browser.newContext();
  const marketer = await marketerContext.newPage();
  await signIn(marketer, E2E_USERS.marketer);
  const replay = await marketer.request.post("/dashboard", {
    headers: { "next-action": captured.headers()["next-action"], "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: captured.postData()!,
  });
  const replayText = await replay.text();
  expect(replayText).toContain("You do not have permission to do this.");
  expect(replayText).not.toContain("/api/webhooks/");
  await marketerContext.close();
  await page.reload();
  await expect(page.getByLabel("Delivery reports URL")).toHaveValue(afterRotation);
});

test("a marketer and a manager opening the provider pages are refused", async ({ browser }) => {
  for (const user of [E2E_USERS.marketer, E2E_USERS.manager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    for (const path of ["/providers", "/providers/1", "/providers/new?vendor=mttm"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
      expect(await page.content()).not.toContain("/api/webhooks/");
    }
    await context.close();
  }
});

test("the simulator account answers a connection test and takes a simulated reply", async ({ page }) => {
  await signIn(page, E2E_USERS.admin);
  await page.goto("/providers");
  await page.getByRole("link", { name: "Simulator", exact: true }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("built-in simulator");
  await page.getByLabel("From number").fill("+31612345678");
  await page.getByRole("button", { name: "Simulate reply" }).click();
  await expect(page.getByTestId("simulate-reply-message")).toHaveText("Posted to this account's inbound webhook (HTTP 200).");
});
