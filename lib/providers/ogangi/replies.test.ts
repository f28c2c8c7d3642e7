import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/testing/seeded-random";
import { firstMessage, parseOgangiDate, parseOgangiReply, readMoList } from "./replies";
import { outcomeFromSendReply } from "./send-message";
import { ogangiOptionsSchema, type OgangiSettings } from "./settings";
import { base64UrlPadded, decodeBase64Url, ogangiSigner, signParameters } from "./signing";
import { lookupMessageStatus, normalizeStatus } from "./codes";

// The document's examples. Our copy of ogangi.md lost the XML tags; the element names are the document's
// own "Result parameters" names, as on Messangi's wiki page the document was taken from.
const SEND_SMS = `<input>sendSMS</input>
<status>OK</status>
<description>Completed</description>
<result>
	<messages>
		<message>
			<id>-8174720676710228700</id>
			<carrier>carrierName</carrier>
			<from>19893653744</from>
			<to>13056708084</to>
			<text>OGANGI TEST MESSAGE</text>
			<status>SENT_TO_CARRIER</status>
			<statusDescription>Sent to Carrier</statusDescription>
			<encoding>UTF-8</encoding>
			<date>2013-09-17T10:13:59.176-04:30</date>
			<timezone>America/Caracas</timezone>
			<clientId>As223sdadq8d8287v5v</clientId>
		</message>
	</messages>
</result>`;
const SEND_MT = "<input>sendMT</input>\n<status>OK</status>\n<description>Completed</description>\n<result></result>";
const PIN = `<input>sendSMSPinMobileNumberConfirm</input>
<status>OK</status>
<description>Completed</description>
<result>
	<PinSMSConfirmation>
		<pin>846547</pin>
	</PinSMSConfirmation>
</result>`;
const FIRE_MESSAGE = "<input>activateCampaign</input>\n<status>OK</status>\n<description>Completed</description>";
const MO_MESSAGES = `<input>getMOMessages</input>
<status>OK</status>
<description>Completed</description>
<result>
	<MOMessageList>
		<records>17</records>
		<MOMessage>
			<text>Test</text>
			<from>58123456789</from>
			<to>19893143924</to>
			<encoding>UTF-8</encoding>
			<keyword>^OGANGI.*</keyword>
			<carrier>Movistar</carrier>
			<sendDate>2014-10-13 10:30:51.922</sendDate>
		</MOMessage>
	</MOMessageList>
</result>`;

describe("ogangi signing: the document's Java example", () => {
  it("signs the parameters between the method and the public key, lowercase hex HMAC-SHA256", () => {
    const settings = {
      baseUrl: "http://customer.ogangi.com/mmc",
      credentials: { instanceId: "8", publicKey: "4BFB-4943-9546-9BB8964254F2", privateKey: "FBF3-4310-909C-C4BBC26F886F" },
      options: ogangiOptionsSchema.parse({}),
      timeoutMs: 1000,
      batchSize: 1,
    } satisfies OgangiSettings;
    const expected = createHmac("sha256", "FBF3-4310-909C-C4BBC26F886F").update("8/peter/peterpassword").digest("hex");
    expect(signParameters("8/peter/peterpassword", "FBF3-4310-909C-C4BBC26F886F")).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(ogangiSigner(settings).url("login", ["peter", "peterpassword"])).toBe(
      `http://customer.ogangi.com/mmc/rest/api/login/8/peter/peterpassword/4BFB-4943-9546-9BB8964254F2/${expected}`,
    );
  });

  it("Base64 is URL-safe with the padding kept (Java's getUrlEncoder)", () => {
    expect(base64UrlPadded("Hello?>>")).toBe("SGVsbG8_Pj4=");
    expect(base64UrlPadded("ab")).toBe("YWI=");
    expect(base64UrlPadded("¿qué? 👋")).toBe(Buffer.from("¿qué? 👋").toString("base64").replace(/\+/g, "-").replace(/\//g, "_"));
    expect(decodeBase64Url("SGVsbG8_Pj4=")).toBe("Hello?>>");
    expect(decodeBase64Url("SGVsbG8_Pj4")).toBe("Hello?>>");
    expect(decodeBase64Url("SGVsbG8/Pj4=")).toBeUndefined();
  });

  it("Base64: the same as standard Base64 with + and / swapped, for random texts of every padding length", () => {
    const random = seededRandom(4);
    // ASCII, accented letters, CJK and emoji, so the UTF-8 bytes hit `+`, `/` and every length modulo 3
    const alphabet = [..."abcXYZ019 ?>~¿éñü中文👋🤣"];
    const paddings = new Set<number>();
    const swapped = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const standard = Buffer.from(text, "utf8").toString("base64");
      expect(base64UrlPadded(text)).toBe(standard.replace(/\+/g, "-").replace(/\//g, "_"));
      paddings.add(standard.length - standard.replace(/=+$/, "").length);
      for (const c of standard) if (c === "+" || c === "/") swapped.add(c);
    }
    expect([...paddings].sort()).toEqual([0, 1, 2]);
    expect([...swapped].sort()).toEqual(["+", "/"]);
  });

  it("Base64: texts either side of the reused UTF-8 buffer's limit, short ones after them, lone surrogates as Buffer.from writes them", () => {
    const urlSafe = (text: string) => Buffer.from(text, "utf8").toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
    const longest = "中".repeat(1365); // 4,095 bytes: the last length the reused buffer takes
    for (const text of [longest, "a", longest + "中", "中".repeat(5000), "ab", "👋".repeat(700) + "z", "", "broken \udc00 and \ud800"]) {
      expect(base64UrlPadded(text)).toBe(urlSafe(text));
    }
  });
});

describe("ogangi replies: the document's examples", () => {
  it("sendSMS: the id as a string, SENT_TO_CARRIER → accepted and sent", () => {
    const reply = parseOgangiReply(SEND_SMS);
    expect(reply).toMatchObject({ kind: "reply", input: "sendSMS", status: "OK", description: "Completed" });
    expect(reply.kind === "reply" && firstMessage(reply.result)).toEqual({
      id: "-8174720676710228700",
      status: "SENT_TO_CARRIER",
      statusDescription: "Sent to Carrier",
      to: "13056708084",
      date: "2013-09-17T10:13:59.176-04:30",
    });
    expect(outcomeFromSendReply("a1", SEND_SMS, "unknown")).toEqual({
      kind: "accepted",
      attemptId: "a1",
      providerMessageId: "-8174720676710228700",
      state: "sent",
      raw: "SENT_TO_CARRIER",
    });
  });

  it("sendMT: OK with no id → accepted without providerMessageId", () => {
    expect(outcomeFromSendReply("a1", SEND_MT, "unknown")).toEqual({ kind: "accepted", attemptId: "a1" });
  });

  it("the PIN, fireMessage (answering for activateCampaign) and getMOMessages examples", () => {
    const pin = parseOgangiReply(PIN);
    expect(pin.kind === "reply" && pin.result).toEqual({ PinSMSConfirmation: { pin: "846547" } });
    expect(parseOgangiReply(FIRE_MESSAGE)).toMatchObject({ kind: "reply", input: "activateCampaign", status: "OK" });
    const mo = parseOgangiReply(MO_MESSAGES);
    expect(mo.kind === "reply" && readMoList(mo.result)).toEqual({
      records: 17,
      messages: [
        { text: "Test", from: "58123456789", to: "19893143924", keyword: "^OGANGI.*", carrier: "Movistar", sendDate: "2014-10-13 10:30:51.922" },
      ],
    });
  });

  it("BAD_SIGNATURE → rejected; ERROR → unknown unless the account says rejected", () => {
    const bad = "<input>sendSMS</input><status>BAD_SIGNATURE</status><description>Invalid signature, access denied</description>";
    expect(outcomeFromSendReply("a1", bad, "unknown")).toEqual({
      kind: "rejected",
      attemptId: "a1",
      code: "BAD_SIGNATURE",
      reason: "Invalid signature, access denied",
    });
    const error = bad.replace("BAD_SIGNATURE", "ERROR");
    expect(outcomeFromSendReply("a1", error, "unknown").kind).toBe("unknown");
    expect(outcomeFromSendReply("a1", error, "rejected")).toMatchObject({ kind: "rejected", code: "ERROR" });
  });

  it("reads a reply wrapped in a root element the same way", () => {
    expect(outcomeFromSendReply("a1", `<?xml version="1.0"?><response>${SEND_SMS}</response>`, "unknown")).toMatchObject({
      kind: "accepted",
      providerMessageId: "-8174720676710228700",
    });
  });
});

describe("ogangi replies: hostile or odd", () => {
  it.each([
    ["HTML", "<html><body>Gateway Timeout</body></html>"],
    ["truncated", SEND_SMS.slice(0, SEND_SMS.indexOf("</id>") - 3)],
    ["no status", "<input>sendSMS</input><description>Completed</description>"],
    ["another status word", "<input>sendSMS</input><status>MAINTENANCE</status><description>later</description>"],
    ["empty", ""],
  ])("%s → unknown, never accepted", (_name, body) => {
    expect(outcomeFromSendReply("a1", body, "unknown").kind).toBe("unknown");
  });

  it("dates: documented pattern with offset, the MO example without one (read in the account's zone)", () => {
    expect(parseOgangiDate("2013-09-17T10:13:59.176-0430", "UTC")).toEqual(new Date("2013-09-17T14:43:59.176Z"));
    expect(parseOgangiDate("2014-10-13 10:30:51.922", "UTC")).toEqual(new Date("2014-10-13T10:30:51.922Z"));
    expect(parseOgangiDate("2014-10-13 10:30:51.922", "America/Caracas")).toEqual(new Date("2014-10-13T15:00:51.922Z"));
    expect(parseOgangiDate("13/10/2014", "UTC")).toBeUndefined();
  });

  it("normalizes status spellings (spaces or underscores, any case)", () => {
    expect(normalizeStatus(" delivered to carrier ")).toBe("DELIVERED_TO_CARRIER");
    expect(lookupMessageStatus("BAD ADDRESS")?.state).toBe("failed");
    expect(lookupMessageStatus("SOMETHING_NEW")).toBeUndefined();
  });
});
