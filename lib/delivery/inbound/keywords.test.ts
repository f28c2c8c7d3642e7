import { describe, expect, it } from "vitest";
import { classifyReply } from "./keywords";

describe("classifyReply", () => {
  it("recognises every default opt-out keyword, ignoring case, spaces and trailing punctuation", () => {
    for (const text of ["STOP", "stop", " Stop ", "S T O P", "stopall", "Unsubscribe", "cancel", "END", "quit", "revoke", "opt out", "OptOut!"]) {
      expect(classifyReply(text)?.kind, text).toBe("opt-out");
    }
  });

  it("recognises opt-in keywords", () => {
    expect(classifyReply("start")).toEqual({ kind: "opt-in", keyword: "START" });
    expect(classifyReply("Unstop")).toEqual({ kind: "opt-in", keyword: "UNSTOP" });
  });

  it("leaves conversation alone", () => {
    for (const text of ["Stop sending me this", "please stop", "", "   ", "STOPPED", "Thanks!"]) expect(classifyReply(text), text).toBeNull();
  });

  it("uses a configured list", () => {
    const lists = { optOut: ["BAJA", "UNSUB"], optIn: ["ALTA"] };
    expect(classifyReply("baja", lists)).toEqual({ kind: "opt-out", keyword: "BAJA" });
    expect(classifyReply("STOP", lists)).toBeNull();
    expect(classifyReply("alta", lists)?.kind).toBe("opt-in");
  });
});
