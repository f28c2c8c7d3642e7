import { describe, expect, it } from "vitest";
import { localDay, periodSchema, resolvePeriod, startOfLocalDay } from "./period";

describe("dashboard periods", () => {
  const now = new Date("2026-03-29T10:30:00Z");

  it("starts today at local midnight", () => {
    const p = resolvePeriod(periodSchema.parse({ period: "today" }), "America/New_York", now);
    expect(p.start.toISOString()).toBe("2026-03-29T04:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-30T04:00:00.000Z");
    expect(p.step).toBe("hour");
  });

  it("counts today in the last 7 days and steps by day", () => {
    const p = resolvePeriod(periodSchema.parse({ period: "7d" }), "UTC", now);
    expect([p.firstDay, p.lastDay, p.step]).toEqual(["2026-03-23", "2026-03-29", "day"]);
  });

  it("handles a day that starts inside a DST change", () => {
    // Europe/Amsterdam switches to summer time on 2026-03-29 at 02:00 local.
    expect(startOfLocalDay("2026-03-29", "Europe/Amsterdam").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(localDay(new Date("2026-03-29T22:30:00Z"), "Europe/Amsterdam")).toBe("2026-03-30");
  });

  it("refuses a custom range that ends before it starts", () => {
    const parsed = periodSchema.safeParse({ period: "custom", from: "2026-03-10", to: "2026-03-01" });
    expect(parsed.success).toBe(false);
  });
});
