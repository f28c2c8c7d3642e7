import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { E2E_USERS } from "./support/users";

// Semicolon-separated, with a BOM and CRLF, mixing valid and invalid rows (a unique suffix per run keeps
// the numbers new even if the database is reused).
const suffix = String(Date.now()).slice(-4);
const csv =
  "\uFEFFTéléphone;Prénom;Nom;Ville\r\n" +
  `06 12 34 ${suffix.slice(0, 2)} ${suffix.slice(2)};Zoé;Import${suffix};Paris\r\n` +
  `+44 7712 34${suffix};Ann;Smith;London\r\n` +
  "not a number;Bad;Row;Nowhere\r\n" +
  ";Empty;Phone;Nowhere\r\n" +
  `0612 34 ${suffix.slice(0, 2)}${suffix.slice(2)};Dup;Licate;Paris\r\n`;

test("a marketer imports a messy file, reads the report, downloads the rejects, finds and opts out a contact", async ({ page }) => {
  await signIn(page, E2E_USERS.marketer);
  await page.goto("/contacts/import");

  await page.getByLabel("CSV file").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByLabel("Delimiter")).toHaveValue(";");
  await expect(page.getByTestId("import-preview")).toContainText("Zoé");
  await expect(page.getByLabel("Téléphone (column 1)")).toHaveValue("phone");
  await expect(page.getByLabel("Prénom (column 2)")).toHaveValue("firstName");
  await page.getByLabel("Ville (column 4)").selectOption("new");
  await page.getByLabel("Default country").selectOption("FR");
  await page.getByLabel("Add the contacts to").selectOption("new");
  await page.getByLabel("New list name").fill(`E2E import ${suffix}`);
  await page.getByRole("button", { name: "Import contacts" }).click();

  const report = page.getByTestId("import-report");
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("import-status")).toHaveText("Import finished.");
  await expect(page.getByTestId("report-rows-read")).toHaveText("5");
  await expect(page.getByTestId("report-created")).toHaveText("2");
  await expect(page.getByTestId("report-duplicates")).toHaveText("1");
  await expect(page.getByTestId("report-rejected")).toHaveText("2");
  await expect(report).toContainText("Phone: Not a phone number: 1");

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("download-rejected").click();
  const download = await downloadPromise;
  const rejected = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = rejected.trim().split(/\r\n/);
  expect(lines[0]).toBe("Téléphone,Prénom,Nom,Ville,row,reason");
  expect(lines).toContain("not a number,Bad,Row,Nowhere,4,Phone: Not a phone number");
  expect(lines).toContain(",Empty,Phone,Nowhere,5,Phone: No phone number");

  await page.goto("/contacts");
  await page.getByLabel("Search").fill(`+33 6 12 34 ${suffix.slice(0, 2)}`);
  await page.getByRole("button", { name: "Search" }).click();
  const phone = `+3361234${suffix}`;
  const row = page.getByTestId(`contact-${phone}`);
  await expect(row).toContainText(`Zoé Import${suffix}`);
  await row.getByRole("link", { name: phone }).click();

  await expect(page.getByTestId("opt-out-status")).toContainText("Subscribed");
  await page.getByRole("button", { name: "Opt out" }).click();
  await expect(page.getByTestId("opt-out-status")).toContainText("Opted out");
  await expect(page.getByText(/opted out \(manual, by marketer@e2e\.test\)/)).toBeVisible();
});

test("a manager sees contacts but no import or change controls", async ({ page }) => {
  await signIn(page, E2E_USERS.manager);
  await page.goto("/contacts");
  await expect(page.getByRole("link", { name: "Import contacts" })).toHaveCount(0);
  await expect(page.getByRole("toolbar", { name: "Bulk actions" })).toHaveCount(0);
  const response = await page.goto("/contacts/import");
  expect(response?.status()).toBe(403);
});
