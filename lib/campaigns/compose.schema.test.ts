import { describe, expect, it } from "vitest";
import { composeCampaignSchema, localToUtc, singleMessageSchema, singleToNewCampaign, toNewCampaign } from "./compose.schema";

const valid = {
  name: "Spring",
  providerAccountId: 1,
  sender: "",
  text: "Hi {{first_name|there}}",
  optOutFooter: true,
  listIds: [3],
  excludeListIds: [4],
  scheduleMode: "now" as const,
  timezone: "Europe/Amsterdam",
};

describe("composer schema", () => {
  it("reads a local date and time in the chosen zone and stores UTC", () => {
    expect(localToUtc("2030-07-01T09:30", "Europe/Amsterdam")?.toISOString()).toBe("2030-07-01T07:30:00.000Z");
    expect(localToUtc("2030-01-01T09:30", "Europe/Amsterdam")?.toISOString()).toBe("2030-01-01T08:30:00.000Z");
    expect(localToUtc("tomorrow", "UTC")).toBeNull();
  });

  it("turns the form into the engine's campaign, footer included", () => {
    const form = composeCampaignSchema.parse({ ...valid, scheduleMode: "at", scheduledLocal: "2030-07-01T09:30" });
    expect(toNewCampaign(form)).toMatchObject({
      kind: "bulk",
      sender: undefined,
      text: "Hi {{first_name|there}}\nReply STOP to opt out",
      listIds: [3],
      excludeListIds: [4],
      scheduleMode: "at",
      scheduledAt: new Date("2030-07-01T07:30:00.000Z"),
      timezone: "Europe/Amsterdam",
    });
  });

  it.each([
    ["no list", { listIds: [] }, "listIds", "Choose at least one list."],
    ["an empty message", { text: "   " }, "text", "Write a message."],
    ["no account", { providerAccountId: undefined }, "providerAccountId", "Choose a provider account."],
    ["no time for a later send", { scheduleMode: "at" }, "scheduledLocal", "Choose the date and time to send."],
    ["a time in the past", { scheduleMode: "gateway", scheduledLocal: "2020-01-01T00:00" }, "scheduledLocal", "Choose a time in the future."],
    ["a rate of zero", { ratePerSecond: 0 }, "ratePerSecond", "Use a whole number of messages per second, at least 1."],
  ])("refuses %s on its field", (_, over, field, message) => {
    const result = composeCampaignSchema.safeParse({ ...valid, ...over });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it("treats an empty rate as none", () => {
    expect(composeCampaignSchema.parse({ ...valid, ratePerSecond: Number.NaN }).ratePerSecond).toBeUndefined();
  });

  it("turns a single message into a one-recipient campaign sent now", () => {
    const single = singleMessageSchema.parse({ to: "06 12345678", defaultCountry: "nl", providerAccountId: 2, text: "Hello" });
    expect(singleToNewCampaign(single)).toMatchObject({ kind: "single", recipients: ["06 12345678"], defaultCountry: "NL", scheduleMode: "now", name: "Message to 06 12345678" });
  });
});
