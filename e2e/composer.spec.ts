import { expect, type Page, test } from "@playwright/test";
import { openRawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { seedList } from "@/lib/delivery/testing/seed-audience";
import { countSegments } from "@/lib/sms/segments";
import { signIn } from "./support/sign-in";
import { E2E_DATABASE_URL, E2E_USERS } from "./support/users";

const LIST = "Composer e2e list";
const SIMULATOR = "Simulator · Simulator (built in)";

// The journeys build on each other (the template, then campaigns that use it).
test.describe.configure({ mode: "serial" });

// Five contacts straight into the e2e database (the contacts UI is another issue's): one has opted out.
test.beforeAll(async () => {
  const raw = openRawDb(E2E_DATABASE_URL);
  try {
    const [existing] = await sqlFor(raw).all(`SELECT "id" FROM "ContactList" WHERE "name" = ?`, [LIST]);
    if (!existing) await seedList(raw, LIST, 5, 31699000000);
    await sqlFor(raw).run(`UPDATE "Contact" SET "optedOut" = ? WHERE "phone" = ?`, [true, "+31699000004"]);
  } finally {
    await raw.close();
  }
});

const counter = (page: Page) => ({
  encoding: page.getByTestId("counter-encoding"),
  segments: page.getByTestId("counter-segments"),
});

/** `datetime-local` text for `minutes` from now, in UTC (the e2e users' time zone). */
function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);
}

test("a marketer writes a template, watching the counter switch encodings", async ({ page }) => {
  await signIn(page, E2E_USERS.marketer);
  await page.goto("/templates");
  await page.getByRole("link", { name: "New template" }).click();
  await page.getByLabel("Name").fill("Sale day");
  const body = page.getByLabel("Message", { exact: true });

  // An unknown merge field is refused at save, on the field.
  await body.fill("Hi {{frist_name}}");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Unknown merge field: {{frist_name}}", { exact: true })).toBeVisible();

  await body.fill("Hi {{first_name|there}}, it’s sale day");
  await expect(counter(page).encoding).toHaveText("UCS-2");
  await expect(page.getByTestId("ucs2-culprits")).toContainText("right single quote");
  await page.getByRole("button", { name: /Replace with GSM-7 equivalents/ }).click();
  await expect(body).toHaveValue("Hi {{first_name|there}}, it's sale day");
  await expect(counter(page).encoding).toHaveText("GSM-7");
  await expect(counter(page).segments).toHaveText("1 segment");

  // An emoji has no GSM-7 look-alike: the text stays UCS-2, and a long one takes the parts UCS-2 needs.
  const withEmoji = `Hi {{first_name|there}}, it's sale day 🎉 ${"Everything must go today. ".repeat(3)}`;
  await body.fill(withEmoji);
  await expect(counter(page).encoding).toHaveText("UCS-2");
  await expect(counter(page).segments).toHaveText(`${countSegments(withEmoji).segments} segments`);
  await expect(page.getByRole("button", { name: /Replace with GSM-7 equivalents/ })).toHaveCount(0);

  await body.fill("Hi {{first_name|there}}, it's sale day: 20% off everything.");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByTestId("template-Sale day")).toBeVisible();
  await page.getByTestId("template-Sale day").getByRole("button", { name: "Duplicate Sale day" }).click();
  await expect(page.getByTestId("template-Sale day (copy)")).toBeVisible();
});

test("a marketer sends a campaign after seeing its cost, and watches it complete", async ({ page }) => {
  await signIn(page, E2E_USERS.marketer);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("E2E sale");
  await page.getByLabel(`Send to ${LIST}`).check();
  await page.getByLabel("Provider account").selectOption({ label: SIMULATOR });
  await page.getByLabel("Start from").selectOption({ label: "Template: Sale day" });
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue(/it's sale day/);

  // The live preview renders real contacts of the list and counts the opted-out one as skipped.
  await expect(page.getByTestId("estimate-recipients")).toHaveText("4 of 5 (1 skipped: opted out)");
  await expect(page.getByTestId("rendered-sample").first()).toHaveText("Hi Name0, it's sale day: 20% off everything.");

  // A test message to one number first, through the single-send path.
  await page.getByLabel(/Test number/).fill("+31699000100");
  await page.getByRole("button", { name: "Send a test" }).click();
  await expect(page.getByTestId("launch-summary")).toContainText("Hi there, it's sale day");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-sent")).toContainText("Test sent to +31699000100");

  await page.getByRole("button", { name: "Review and send" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this campaign?" });
  await expect(dialog.getByTestId("confirm-recipients")).toHaveText("4 (1 skipped: opted out)");
  await expect(dialog.getByTestId("confirm-segments")).toHaveText("4 segments");
  await expect(dialog.getByTestId("confirm-cost")).toContainText("no price per segment is set");
  await expect(dialog.getByTestId("confirm-finish")).toContainText("under a minute at 100 messages per second");
  await expect(dialog.getByTestId("confirm-first-message")).toHaveText("Hi Name0, it's sale day: 20% off everything.");
  await dialog.getByRole("button", { name: "Send to 4 recipients" }).click();

  await expect(page).toHaveURL(/\/campaigns\/\d+$/);
  await expect(page.getByTestId("progress-text")).toHaveText("5 of 5 messages have an outcome (100%)", { timeout: 30_000 });
  await expect(page.getByTestId("campaign-status")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.getByTestId("count-skipped")).toHaveText("skipped 1");
});

test("a marketer schedules a campaign a minute ahead and cancels it before it starts", async ({ page }) => {
  await signIn(page, E2E_USERS.marketer);
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("E2E later");
  await page.getByLabel(`Send to ${LIST}`).check();
  await page.getByLabel("Provider account").selectOption({ label: SIMULATOR });
  await page.getByLabel("Message", { exact: true }).fill("See you tomorrow");
  await page.getByRole("radio", { name: /^Later: the app sends it/ }).check();
  // the simulator has no scheduler of its own: the gateway option is off and says why
  await expect(page.getByRole("radio", { name: /^Later, held by the gateway/ })).toBeDisabled();

  // A time in the past is refused on its field.
  await page.getByLabel("Date and time", { exact: true }).fill(inMinutes(-5));
  await page.getByRole("button", { name: "Review and send" }).click();
  await expect(page.getByLabel("Date and time", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a time in the future.")).toBeVisible();

  await page.getByLabel("Date and time", { exact: true }).fill(inMinutes(2));
  await page.getByRole("button", { name: "Review and send" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule this campaign?" });
  await expect(dialog.getByTestId("confirm-recipients")).toHaveText("4 (1 skipped: opted out)");
  await dialog.getByRole("button", { name: "Schedule" }).click();

  await expect(page).toHaveURL(/\/campaigns\/\d+$/);
  await expect(page.getByTestId("campaign-status")).toHaveText("scheduled");
  await page.getByRole("button", { name: "Cancel campaign" }).click();
  await page.getByRole("dialog", { name: "Cancel this campaign?" }).getByRole("button", { name: "Cancel campaign" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("canceled");
  await expect(page.getByRole("button", { name: "Cancel campaign" })).toHaveCount(0);
});

test("a manager sees the same pages with no way to change anything, and a replayed send is refused", async ({ browser }) => {
  // A marketer sends one message from the single-send page; the request is captured…
  const marketerContext = await browser.newContext();
  const marketer = await marketerContext.newPage();
  await signIn(marketer, E2E_USERS.marketer);
  await marketer.goto("/send");
  await marketer.getByLabel("To", { exact: true }).fill("+31699000200");
  await marketer.getByLabel("Provider account").selectOption({ label: SIMULATOR });
  await marketer.getByLabel("Message", { exact: true }).fill("Single hello");
  await marketer.getByRole("button", { name: "Review and send" }).click();
  const actionRequest = marketer.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await marketer.getByRole("dialog", { name: "Send this message?" }).getByRole("button", { name: "Send message" }).click();
  const captured = await actionRequest;
  await expect(marketer).toHaveURL(/\/campaigns\/\d+$/);
  await expect(marketer.getByTestId("progress-text")).toHaveText("1 of 1 messages have an outcome (100%)", { timeout: 30_000 });

  // …and a manager sees everything read-only.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, E2E_USERS.manager);
  await manager.goto("/campaigns");
  await expect(manager.getByTestId("campaign-row-E2E sale")).toBeVisible();
  await expect(manager.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  await expect(manager.getByRole("link", { name: "Send one message" })).toHaveCount(0);
  await manager.getByRole("link", { name: "E2E sale" }).click();
  await expect(manager.getByTestId("progress-bar")).toBeVisible();
  await expect(manager.getByTestId("campaign-controls")).toHaveCount(0);
  await expect(manager.getByRole("button")).toHaveText(["Sign out"]);

  await manager.goto("/templates");
  await expect(manager.getByTestId("template-Sale day")).toBeVisible();
  await expect(manager.getByRole("link", { name: "New template" })).toHaveCount(0);
  await expect(manager.getByRole("button", { name: /Duplicate|Delete/ })).toHaveCount(0);
  await manager.getByRole("link", { name: "Sale day", exact: true }).click();
  await expect(manager.getByTestId("template-body")).toContainText("it's sale day");
  await expect(manager.getByRole("textbox")).toHaveCount(0);
  expect((await manager.goto("/campaigns/new"))?.status()).toBe(403);
  expect((await manager.goto("/send"))?.status()).toBe(403);

  const singlesBefore = await countSingles();
  const response = await manager.request.post("/campaigns", {
    headers: {
      "next-action": captured.headers()["next-action"],
      "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: captured.postData()!.replace("+31699000200", "+31699000201"),
  });
  expect(await response.text()).toContain("You do not have permission to do this.");
  expect(await countSingles()).toBe(singlesBefore);
  await marketerContext.close();
  await managerContext.close();
});

async function countSingles(): Promise<number> {
  const raw = openRawDb(E2E_DATABASE_URL);
  try {
    const [row] = await sqlFor(raw).all<{ n: number }>(`SELECT COUNT(*) AS n FROM "Campaign" WHERE "kind" = 'single'`);
    return Number(row.n);
  } finally {
    await raw.close();
  }
}
