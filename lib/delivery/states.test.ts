import { describe, expect, it } from "vitest";
import { isForward, MESSAGE_STATES, TERMINAL_STATES } from "./states";

describe("isForward", () => {
  it("moves submitted → sent → delivered and never back", () => {
    expect(isForward("submitted", "sent")).toBe(true);
    expect(isForward("sent", "delivered")).toBe(true);
    expect(isForward("submitted", "delivered")).toBe(true);
    expect(isForward("sent", "submitted")).toBe(false);
    expect(isForward("sent", "sent")).toBe(false);
  });

  it("keeps terminal states final", () => {
    for (const from of TERMINAL_STATES) for (const to of MESSAGE_STATES) expect(isForward(from, to), `${from}→${to}`).toBe(false);
  });

  it("lets any later report resolve unknown", () => {
    for (const to of ["submitted", "sent", "delivered", "undelivered", "failed", "expired"] as const) expect(isForward("unknown", to)).toBe(true);
    expect(isForward("unknown", "queued")).toBe(false);
  });
});
