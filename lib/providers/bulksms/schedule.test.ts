import { describe, expect, it } from "vitest";
import { parseGatewayTime, parseScheduleValues, scheduleValues } from "./schedule";

describe("scheduleValues", () => {
  it("writes the document's examples: 03/03/2018, 03:45 am, GMT +1:30", () => {
    // 03:45 at GMT+01:00 (Africa/Algiers, no DST) is 02:45Z
    expect(scheduleValues(new Date("2018-03-03T02:45:00Z"), "Africa/Algiers", "GMT +h:mm")).toEqual({
      date: "03/03/2018",
      time: "03:45 am",
      gmt: "GMT +1:00",
    });
    expect(scheduleValues(new Date("2018-03-03T02:15:00Z"), "Asia/Kolkata", "GMT +h:mm")).toEqual({
      date: "03/03/2018",
      time: "07:45 am",
      gmt: "GMT +5:30",
    });
  });

  it("writes 11:51 pm and -10:00 (Pacific/Honolulu)", () => {
    expect(scheduleValues(new Date("2018-03-04T09:51:00Z"), "Pacific/Honolulu", "+hh:mm")).toEqual({
      date: "03/03/2018",
      time: "11:51 pm",
      gmt: "-10:00",
    });
  });

  it("writes midnight as 12:mm am and noon as 12:mm pm", () => {
    expect(scheduleValues(new Date("2030-01-15T00:05:00Z"), "UTC", "+hh:mm").time).toBe("12:05 am");
    expect(scheduleValues(new Date("2030-01-15T12:05:00Z"), "UTC", "+hh:mm").time).toBe("12:05 pm");
    expect(scheduleValues(new Date("2030-01-15T12:05:00Z"), "UTC", "+hh:mm").gmt).toBe("+00:00");
  });

  it("rounds up to the next whole minute, never earlier than asked", () => {
    expect(scheduleValues(new Date("2030-01-15T10:00:00.000Z"), "UTC", "+hh:mm").time).toBe("10:00 am");
    expect(scheduleValues(new Date("2030-01-15T10:00:00.001Z"), "UTC", "+hh:mm").time).toBe("10:01 am");
    expect(scheduleValues(new Date("2030-12-31T23:59:30Z"), "UTC", "+hh:mm")).toMatchObject({ date: "01/01/2031", time: "12:00 am" });
  });

  it("falls back to UTC when the zone's offset has no document form (+05:45, +13:00)", () => {
    const at = new Date("2030-06-01T06:00:00Z");
    expect(scheduleValues(at, "Asia/Kathmandu", "+hh:mm")).toEqual({ date: "06/01/2030", time: "06:00 am", gmt: "+00:00" });
    expect(scheduleValues(at, "Pacific/Tongatapu", "GMT +h:mm")).toEqual({ date: "06/01/2030", time: "06:00 am", gmt: "GMT +0:00" });
  });

  it("follows daylight saving time", () => {
    expect(scheduleValues(new Date("2030-07-01T10:00:00Z"), "Europe/Madrid", "+hh:mm")).toMatchObject({ time: "12:00 pm", gmt: "+02:00" });
    expect(scheduleValues(new Date("2030-01-01T10:00:00Z"), "Europe/Madrid", "+hh:mm")).toMatchObject({ time: "11:00 am", gmt: "+01:00" });
  });

  it("round-trips through parseScheduleValues in every format", () => {
    for (const zone of ["UTC", "America/Caracas", "Asia/Kolkata", "Pacific/Honolulu", "Europe/Madrid"]) {
      for (const format of ["+hh:mm", "GMT +h:mm"] as const) {
        const at = new Date("2031-02-28T23:30:00Z");
        expect(parseScheduleValues(scheduleValues(at, zone, format))).toEqual(at);
      }
    }
  });
});

describe("parseScheduleValues", () => {
  it("accepts every gmt form of the document", () => {
    const base = { date: "03/03/2018", time: "03:45 am" };
    expect(parseScheduleValues({ ...base, gmt: "GMT +1:30" })).toEqual(new Date("2018-03-03T02:15:00Z"));
    expect(parseScheduleValues({ ...base, gmt: "-10:00" })).toEqual(new Date("2018-03-03T13:45:00Z"));
    expect(parseScheduleValues({ ...base, gmt: "+05:30" })).toEqual(new Date("2018-03-02T22:15:00Z"));
    expect(parseScheduleValues({ date: "03/03/2018", time: "11:51 pm", gmt: "GMT -0:00" })).toEqual(new Date("2018-03-03T23:51:00Z"));
  });

  it.each([
    { date: "2018-03-03", time: "03:45 am", gmt: "+01:00" },
    { date: "13/03/2018", time: "03:45 am", gmt: "+01:00" },
    { date: "02/30/2018", time: "03:45 am", gmt: "+01:00" },
    { date: "03/03/2018", time: "15:45", gmt: "+01:00" },
    { date: "03/03/2018", time: "13:45 pm", gmt: "+01:00" },
    { date: "03/03/2018", time: "03:45 AM", gmt: "+01:00" },
    { date: "03/03/2018", time: "03:45 am", gmt: "+13:00" },
    { date: "03/03/2018", time: "03:45 am", gmt: "+05:45" },
    { date: "03/03/2018", time: "03:45 am", gmt: "UTC" },
  ])("refuses %o", (values) => {
    expect(parseScheduleValues(values)).toBeUndefined();
  });
});

describe("parseGatewayTime", () => {
  it("reads yyyy-mm-dd hh:mm:ss on the gateway's clock", () => {
    expect(parseGatewayTime("2024-05-01 13:45:10", "UTC")).toEqual(new Date("2024-05-01T13:45:10Z"));
    expect(parseGatewayTime("2024-05-01 13:45:10", "Asia/Kolkata")).toEqual(new Date("2024-05-01T08:15:10Z"));
  });

  it("ignores what is not such a time", () => {
    expect(parseGatewayTime(undefined, "UTC")).toBeUndefined();
    expect(parseGatewayTime("", "UTC")).toBeUndefined();
    expect(parseGatewayTime("01/05/2024 13:45", "UTC")).toBeUndefined();
    expect(parseGatewayTime("2024-13-01 13:45:10", "UTC")).toBeUndefined();
  });
});
