import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { E2E_USERS } from "./support/users";

const NAV_ALL = ["Dashboard", "Contacts", "Templates", "Campaigns", "Inbox"];
const NAV_ADMIN = ["Providers", "Users"];

for (const user of Object.values(E2E_USERS)) {
  test(`${user.role} signs in and sees only their navigation`, async ({ page }) => {
    await signIn(page, user);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of NAV_ALL) await expect(nav.getByRole("link", { name: label })).toBeVisible();
    for (const label of NAV_ADMIN) {
      if (user.role === "ADMIN") await expect(nav.getByRole("link", { name: label })).toBeVisible();
      else await expect(nav.getByRole("link", { name: label })).toHaveCount(0);
    }
    await expect(page.getByTestId("current-user")).toContainText(user.email);
  });
}

test("wrong passwords are refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_USERS.manager.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sign-in page has an icon the browser can load (no 404 in the console)", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(href).toBeTruthy();
  expect((await request.get(href!)).status()).toBe(200);
});

test("a signed-out visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a marketer opening the users page is refused", async ({ page }) => {
  await signIn(page, E2E_USERS.marketer);
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("users-table")).toHaveCount(0);
  expect((await page.goto("/providers"))?.status()).toBe(403);
});

test("a marketer's session calling the admin-only create-user action is refused server-side", async ({ browser }) => {
  // Capture the real server action request an admin's browser sends…
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_USERS.admin);
  await admin.goto("/users");
  await admin.getByLabel("Email").fill("created-by-admin@e2e.test");
  await admin.getByLabel("Initial password").fill("a-good-password");
  const actionRequest = admin.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await admin.getByRole("button", { name: "Create user" }).click();
  const captured = await actionRequest;
  await expect(admin.getByTestId("create-user-message")).toHaveText("Created created-by-admin@e2e.test.");

  // …and replay it, for another email, from a marketer's session.
  const marketerContext = await browser.newContext();
  const marketer = await marketerContext.newPage();
  await signIn(marketer, E2E_USERS.marketer);
  const response = await marketer.request.post("/dashboard", {
    headers: {
      "next-action": captured.headers()["next-action"],
      "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: captured.postData()!.replace("created-by-admin@e2e.test", "sneaky@e2e.test"),
  });
  expect(await response.text()).toContain("You do not have permission to do this.");

  await admin.reload();
  await expect(admin.getByTestId("users-table")).toContainText("created-by-admin@e2e.test");
  await expect(admin.getByTestId("users-table")).not.toContainText("sneaky@e2e.test");
  await adminContext.close();
  await marketerContext.close();
});

test("an admin changes a role and deactivates a user, whose open session is refused at once", async ({ browser }) => {
  const victimContext = await browser.newContext();
  const victim = await victimContext.newPage();
  const email = "temp-user@e2e.test";

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_USERS.admin);
  await admin.goto("/users");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Initial password").fill("temporary-password");
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("create-user-message")).toHaveText(`Created ${email}.`);

  await signIn(victim, { email, password: "temporary-password" });
  await expect(victim.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" })).toBeVisible();

  const row = admin.getByTestId(`user-${email}`);
  await row.getByLabel(`Role of ${email}`).selectOption("MANAGER");
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("MANAGER");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  await victim.goto("/contacts");
  await expect(victim).toHaveURL(/\/sign-in$/);
  await adminContext.close();
  await victimContext.close();
});
