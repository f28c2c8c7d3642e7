/**
 * The small pure pieces: encodings, numbers, batch planning, schedule values, reply reading
 * and the error table.
 */
import { describe, expect, it } from "vitest";
import { planBatches } from "./adapter";
import { classifyRefusal, MTTM_REPLY_CODES } from "./codes";
import { readBatchReply, readErrorText, readSuccessText } from "./replies";
import { scheduleAtParam } from "./schedule";
import { outgoing } from "./test-support";
import { batchBody, jasminNumber, utf16beHex } from "./wire";

describe("encoding and numbers", () => {
  it("writes UTF-16BE hex with surrogate pairs, as the document's emoji example", () => {
    expect(utf16beHex("🤣")).toBe("d83edd23");
    expect(utf16beHex("أرنب")).toBe("0623063106460628");
  });

  it("sends E.164 digits without the +, and refuses anything else", () => {
    expect(jasminNumber("+31612345678")).toBe("31612345678");
    for (const bad of ["31612345678", "+0612345678", "+31 6 1234 5678", "+1234567890123456"]) expect(jasminNumber(bad)).toBeUndefined();
  });
});

describe("batch planning", () => {
  it("keeps one occurrence of a destination per batch and respects the size", () => {
    const members = ["1", "2", "1", "3", "1"].map((to, i) => ({ message: outgoing(`a${i}`, `+3160000000${to}`, "x"), to }));
    expect(planBatches(members, 2).map((b) => b.map((m) => m.to))).toEqual([["1", "2"], ["3"], ["1"], ["1"]]);
  });

  it("groups identical texts of the same encoding into one entry, in first-seen order", () => {
    const members = [
      { message: outgoing("a", "+1", "hi"), to: "1" },
      { message: outgoing("b", "+2", "hi", "UCS2"), to: "2" },
      { message: outgoing("c", "+3", "hi"), to: "3" },
    ];
    const body = JSON.parse(batchBody(members, {}, { callbackUrl: "http://c", errbackUrl: "http://e" }));
    expect(body).toEqual({
      batch_config: { callback_url: "http://c", errback_url: "http://e" },
      messages: [
        { to: ["1", "3"], content: "hi" },
        { to: ["2"], coding: 8, hex_content: "00680069" },
      ],
    });
  });
});

describe("schedule_at", () => {
  const now = new Date("2030-01-01T10:00:00.500Z");
  it("writes whole seconds to wait, or the gateway's wall clock, rounding up", () => {
    expect(scheduleAtParam(new Date("2030-01-02T10:00:00.500Z"), now, "seconds", "UTC")).toBe("86400s");
    expect(scheduleAtParam(new Date("2030-01-01T11:00:00.200Z"), now, "datetime", "Asia/Kolkata")).toBe("2030-01-01 16:30:01");
  });

  it("leaves out a time that is not at least a second away", () => {
    expect(scheduleAtParam(new Date("2030-01-01T10:00:01Z"), now, "seconds", "UTC")).toBeUndefined();
    expect(scheduleAtParam(new Date("2029-12-31T10:00:00Z"), now, "datetime", "UTC")).toBeUndefined();
  });
});

describe("replies", () => {
  it("reads Success with or without the closing quote", () => {
    expect(readSuccessText('Success "07033084-5cfb-4812-90a4-e4d24ffb6e3d"')).toBe("07033084-5cfb-4812-90a4-e4d24ffb6e3d");
    expect(readSuccessText('Success "07033084-5cfb-4812-90a4-e4d24ffb6e3d')).toBe("07033084-5cfb-4812-90a4-e4d24ffb6e3d");
    expect(readSuccessText('Error "x"')).toBeUndefined();
  });

  it("reads error texts from every shape the two APIs use", () => {
    expect(readErrorText('Error "No route found"')).toBe("No route found");
    expect(readErrorText('{"message": "Error \\"No route found"}')).toBe("No route found");
    expect(readErrorText('{"title": "Cannot parse JSON data", "description": "Unparseable"}')).toBe("Cannot parse JSON data: Unparseable");
    expect(readErrorText("<html>\n<body>Bad Gateway</body></html>")).toBe("<html> <body>Bad Gateway</body></html>");
  });

  it("accepts a scheduled batch reply (with its extra field)", () => {
    expect(readBatchReply('{"data": {"batchId": "cdc7bcaa-17c1-4302-8926-210edf08052d", "messageCount": 1, "scheduled": "86400s"}}')).toEqual({
      ok: true,
      batchId: "cdc7bcaa-17c1-4302-8926-210edf08052d",
      messageCount: 1,
    });
  });
});

describe("the error table", () => {
  it("gives every row a reachable text (no row hidden behind an earlier catch-all)", () => {
    MTTM_REPLY_CODES.forEach((row, index) => {
      const earlier = MTTM_REPLY_CODES.slice(0, index).find((r) => r.status === row.status && !r.text);
      expect(earlier, `${row.status} ${row.meaning}`).toBeUndefined();
    });
  });

  it("treats unlisted 4xx as rejected and unlisted 5xx and 3xx as unknown", () => {
    expect(classifyRefusal(404, "No Such Resource").outcome).toBe("rejected");
    expect(classifyRefusal(502, "Bad Gateway").outcome).toBe("unknown");
    expect(classifyRefusal(302, "").outcome).toBe("unknown");
    expect(classifyRefusal(403, "User throughput exceeded")).toEqual({ outcome: "retryable", code: "403", reason: "per-user throughput quota exceeded: User throughput exceeded" });
  });
});
