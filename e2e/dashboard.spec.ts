/**
 * A manager's journey through the statistics: the dashboard with its filters, a campaign report with a
 * filtered recipient table and its CSV export (formula-safe), and no control anywhere that changes state;
 * the server refuses a manager's direct calls to mutating and admin-only routes.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { requestLaunch } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { seedList } from "@/lib/delivery/testing/seed-audience";
import { e2eDatabase, eventually } from "./support/database";
import { signIn } from "./support/sign-in";
import { E2E_USERS } from "./support/users";

const RECIPIENTS = 12;
let campaignId: number;

test.beforeAll(async () => {
  const { db, raw, sql, close } = e2eDatabase();
  try {
    const account = await db.providerAccount.findFirstOrThrow({ where: { vendor: "simulator" } });
    const { listId, phones } = await seedList(raw, "Dashboard journey", RECIPIENTS, 31680000000);
    await db.contact.update({ where: { phone: phones[0] }, data: { firstName: "=HYPERLINK(\"http://evil.test\")" } });
    const campaign = await createCampaign(db, { name: "Dashboard journey", providerAccountId: account.id, text: "Hello {{first_name|there}}", listIds: [listId] }, null);
    campaignId = campaign.id;
    await requestLaunch(sql, campaignId, { userId: null });
    // The app's worker launches it and sends through the simulator, whose reports follow shortly.
    const done = await eventually(async () => {
      const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      return c.status === "completed" && c.deliveredCount > 0 ? c : null;
    }, 45_000);
    expect(done, "the simulator delivered the campaign").toBeTruthy();
  } finally {
    await close();
  }
});

/** Buttons a manager may see: filters and signing out, nothing that changes state. */
async function expectNoEditingControls(page: Page) {
  const names = await page.getByRole("button").allInnerTexts();
  for (const name of names) expect(["Apply", "Filter", "Sign out"], `unexpected control "${name}"`).toContain(name.trim());
  await expect(page.locator("form[method='post'], form:not([method])")).toHaveCount(0);
}

test("a manager reads the dashboard and a campaign report, filters, exports, and finds nothing to edit", async ({ page }) => {
  await signIn(page, E2E_USERS.manager);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("stat-messages")).not.toHaveText("0");
  await expect(page.getByTestId("overview-chart")).toBeVisible();
  await expectNoEditingControls(page);

  await page.getByLabel("Period").selectOption("today");
  await page.getByLabel("Campaign").selectOption(String(campaignId));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`period=today.*campaign=${campaignId}`));
  await expect(page.getByTestId("stat-messages")).toHaveText(String(RECIPIENTS));
  await expect(page.getByTestId("by-account")).toContainText("delivery", { ignoreCase: true });

  await page.goto(`/campaigns/${campaignId}/report`);
  await expect(page.getByRole("heading", { name: "Report: Dashboard journey" })).toBeVisible();
  await expect(page.getByTestId("funnel")).toContainText("Recipients");
  await expect(page.getByTestId("recipients-table").locator("tbody tr")).toHaveCount(RECIPIENTS);
  await expectNoEditingControls(page);

  await page.getByLabel("State").selectOption("delivered");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/state=delivered/);
  const deliveredRows = page.getByTestId("recipients-table").locator("tbody tr");
  const delivered = await deliveredRows.count();
  expect(delivered).toBeGreaterThan(0);
  for (const text of await deliveredRows.locator("td:nth-child(3)").allInnerTexts()) expect(text).toBe("delivered");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("message_id,number,name,state,skip_reason,error_code,error_text,raw_status,segments,cost,currency,attempts,submitted_at_utc,sent_at_utc,final_at_utc");
  expect(csv).toHaveLength(delivered + 1);
  for (const line of csv.slice(1)) expect(line.split(",")[3]).toBe("delivered");

  // The whole export keeps a formula out of the spreadsheet.
  const all = await page.request.get(`/api/reports/campaigns/${campaignId}`);
  expect(all.status()).toBe(200);
  const body = await all.text();
  expect(body).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
  expect(body.trim().split("\r\n")).toHaveLength(RECIPIENTS + 1);
});

test("the server refuses a manager's calls to admin-only pages and routes and to mutating routes", async ({ page }) => {
  await signIn(page, E2E_USERS.manager);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await page.goto("/audit"))?.status()).toBe(403);
  expect((await page.request.get("/api/reports/audit")).status()).toBe(403);
  expect((await page.request.post("/api/imports", { multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("phone\n+31600000000\n") } } })).status()).toBe(403);
  // A session is no API key: the public API's mutating routes do not accept it.
  expect((await page.request.post(`/api/v1/campaigns/${campaignId}/cancel`)).status()).toBe(401);
});

test("an admin finds the report export in the audit log, filters it and exports the log", async ({ page }) => {
  await signIn(page, E2E_USERS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").selectOption("report.export");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-table")).toContainText(E2E_USERS.manager.email);
  const exported = await page.request.get("/api/reports/audit?action=report.export");
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain("report.export");
});
