import { describe, expect, it } from "vitest";
import type { Vendor } from "@/lib/providers/types";
import { validateSenderId } from "./sender-id";

const ok = { ok: true };
const refused = (vendor: Vendor, sender: string) => {
  const check = validateSenderId(vendor, sender);
  if (check.ok) throw new Error(`${vendor} accepted "${sender}"`);
  return check.message;
};

describe("validateSenderId: bulksms", () => {
  it.each(["ACME", "Acme Shop", "SALE-2025", "A&B_Store", "ELEVENCHARS", "31612345678", "+31612345678", "1".repeat(18), "+" + "1".repeat(18)])(
    "accepts %s",
    (sender) => expect(validateSenderId("bulksms", sender)).toEqual(ok),
  );

  it("refuses a name over 11 characters, saying how long it is", () => {
    expect(refused("bulksms", "SUMMERSALE25")).toBe(
      "A sender name can have at most 11 characters with bulksms; “SUMMERSALE25” has 12.",
    );
  });

  it("refuses a number over 18 digits", () => {
    expect(refused("bulksms", "1".repeat(19))).toBe("A numeric sender ID can have at most 18 digits with bulksms; this one has 19.");
  });

  it("requires a sender", () => {
    expect(refused("bulksms", "")).toBe(
      "bulksms needs a sender ID: a name of up to 11 letters and digits, or a phone number of up to 18 digits.",
    );
  });

  it.each([
    ["Café", "only use the letters A–Z"],
    ["Shop.com", "only use the letters A–Z"],
    ["-123-", "Use either digits only (a phone number) or a name"],
    [" ACME", "Remove the spaces at the start or end"],
    ["ACME\t", "Remove the spaces at the start or end"],
    ["AC\nME", "invisible character"],
  ])("refuses %j", (sender, reason) => {
    expect(refused("bulksms", sender)).toContain(reason);
  });
});

describe("validateSenderId: Masiv", () => {
  it.each(["", "33535", "573101234567", "Masiv Colombia", "SIXTEEN_CHARS_16"])("accepts %j", (sender) =>
    expect(validateSenderId("masiv", sender)).toEqual(ok),
  );

  it("refuses an originator over 16 characters", () => {
    expect(refused("masiv", "SEVENTEEN_CHARS17")).toBe(
      "A sender name can have at most 16 characters with Masiv; “SEVENTEEN_CHARS17” has 17.",
    );
    expect(refused("masiv", "1".repeat(17))).toContain("at most 16 digits");
  });
});

describe("validateSenderId: MTTM", () => {
  it.each(["", "A Friend", "Fred", "31602030501", "+31602030501"])("accepts %j", (sender) =>
    expect(validateSenderId("mttm", sender)).toEqual(ok),
  );

  it("refuses names the network would cut and numbers longer than E.164", () => {
    expect(refused("mttm", "Message To The Moon")).toContain("at most 11 characters with MTTM");
    expect(refused("mttm", "1".repeat(16))).toContain("at most 15 digits with MTTM");
  });
});

describe("validateSenderId: DIDWW", () => {
  it.each(["", "37041123456"])("accepts %j", (sender) => expect(validateSenderId("didww", sender)).toEqual(ok));

  it("asks for the number without the +", () => {
    expect(refused("didww", "+37041123456")).toBe("Write the DIDWW number without the +: 37041123456.");
  });

  it.each(["ACME", "370 4112 3456", "1".repeat(16)])("refuses %j: DIDWW sends from DID numbers only", (sender) => {
    expect(refused("didww", sender)).toContain("one of your DIDWW phone numbers");
  });
});

describe("validateSenderId: OGANGI and the simulator are permissive", () => {
  it.each(["19893653744", "OGANGI", "Mi Tienda Ñandú 2025"])("OGANGI accepts %j", (sender) =>
    expect(validateSenderId("ogangi", sender)).toEqual(ok),
  );

  it("OGANGI needs a code and no slash (it travels in the URL path)", () => {
    expect(refused("ogangi", "")).toBe("OGANGI needs a sender ID: the short or long code OGANGI assigned to you.");
    expect(refused("ogangi", "a/b")).toBe("The sender ID cannot contain “/”.");
  });

  it.each(["", "Anything at all, even this long one", " spaced "])("the simulator accepts %j", (sender) =>
    expect(validateSenderId("simulator", sender)).toEqual(ok),
  );
});
