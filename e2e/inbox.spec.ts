import { expect, test } from "@playwright/test";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { requestLaunch } from "@/lib/campaigns/campaign-controls";
import { seedList } from "@/lib/delivery/testing/seed-audience";
import { e2eDatabase, eventually } from "./support/database";
import { signIn } from "./support/sign-in";
import { E2E_USERS } from "./support/users";

test("a STOP reply simulated from the simulator's page reaches the inbox and the contact is skipped by the next campaign", async ({ page }) => {
  const { db, raw, sql, close } = e2eDatabase();
  try {
    const { listId, phones } = await seedList(raw, "Inbox journey", 3, 31699100000);
    const stopper = phones[1];

    await signIn(page, E2E_USERS.admin);
    await page.goto("/providers");
    await page.getByRole("link", { name: "Simulator", exact: true }).click();
    const form = page.getByRole("form", { name: "Simulate a reply" });
    await form.getByLabel("From number").fill(stopper);
    await form.getByLabel("Reply text").fill("Stop");
    await form.getByRole("button", { name: "Simulate reply" }).click();
    await expect(page.getByTestId("simulate-reply-message")).toBeVisible();

    await page.goto("/inbox");
    const row = page.getByTestId("inbox-table").getByRole("row").filter({ hasText: stopper });
    await expect(row).toContainText("Stop");
    await expect(row.getByTestId("reply-keyword")).toHaveText("STOP");
    await expect(row).toContainText("opted out");

    const simulator = await db.providerAccount.findFirstOrThrow({ where: { vendor: "simulator" } });
    const campaign = await createCampaign(db, { name: "After STOP", providerAccountId: simulator.id, text: "Hello again", listIds: [listId] }, null);
    await requestLaunch(sql, campaign.id, { userId: null });
    const done = await eventually(async () => {
      const c = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
      return c.status === "completed" ? c : null;
    });
    expect(done).toMatchObject({ recipientCount: 3, skippedCount: 1 });
    const skipped = await db.message.findFirstOrThrow({ where: { campaignId: campaign.id, destination: stopper } });
    expect(skipped).toMatchObject({ state: "skipped", skipReason: "opted_out" });
  } finally {
    await close();
  }
});

test("webhooks answer a forged token like a real one and store nothing; a hostile body is refused", async ({ request }) => {
  const { db, close } = e2eDatabase();
  try {
    const simulator = await db.providerAccount.findFirstOrThrow({ where: { vendor: "simulator" } });
    // Checked by content, not totals: the simulator may still be reporting on the previous journey's campaign.
    const before = { unmatched: await db.unmatchedReport.count() };
    const forged = await request.post("/api/webhooks/forged-token-0123456789abcdefghijklmnop/inbound", { data: { from: "+31612345678", text: "STOP", id: "x" } });
    expect(forged.status()).toBe(200);
    expect(await forged.text()).toBe("OK");
    const unknownKind = await request.post(`/api/webhooks/${simulator.webhookToken}/not-a-kind`, { data: "{}" });
    expect(unknownKind.status()).toBe(200);
    const hostile = await request.post(`/api/webhooks/${simulator.webhookToken}/report`, {
      headers: { "content-type": "application/json" },
      data: '{"reports": [{"id": {"$gt": ""}, "status": "<script>alert(1)</script>"}',
    });
    expect(hostile.status()).toBeGreaterThanOrEqual(400);
    expect(hostile.status()).toBeLessThan(500);
    expect(await db.inboundMessage.count({ where: { from: "+31612345678" } })).toBe(0);
    expect(await db.deliveryEvent.count({ where: { rawStatus: { contains: "script" } } })).toBe(0);
    expect({ unmatched: await db.unmatchedReport.count() }).toEqual(before);
  } finally {
    await close();
  }
});
