import { describe, expect, it } from "vitest";
import { parseMasivDate, parseMessageReply, parseSendReply } from "./replies";
import { formatSendOnDate, outcomeFromSendReply } from "./send-message";

// The document's examples, verbatim (the first one's two code blocks joined).
const UNDER_160 = `<?xml version="1.0" encoding="utf-8" ?>
<response>
<action>sendmessage</action>
<data>
<acceptreport>
<statuscode>0</statuscode>
<statusmessage>Message accepted for delivery</statusmessage>
<messageid>35245856</messageid>
<originator>3027</originator>
<recipient>573151234567</recipient>
<messagetype>SMS:TEXT</messagetype>

    <messagedata>HelloWorld</messagedata>
</acceptreport>
</data>
</response>
`;

const OVER_160 = `
<?xml version="1.0" encoding="utf-8" ?>
<response>
  <action>sendmessage</action>
  <data>
    <acceptreport>
      <statuscode>0</statuscode>
      <statusmessage>Message accepted for delivery</statusmessage>
      <messageid>35245856</messageid>
      <originator>3027</originator>
      <recipient>573151234567</recipient>
      <messagetype>SMS:TEXT</messagetype>
      <messagedata>HelloWorld</messagedata>
    </acceptreport>

    <acceptreport>
      <statuscode>0</statuscode>
      <statusmessage>Message accepted for delivery</statusmessage>
      <messageid>35245856</messageid>
      <originator>3027</originator>
      <recipient>573151234567</recipient>
      <messagetype>SMS:TEXT</messagetype>
      <messagedata>HelloWorld</messagedata>
    </acceptreport>

  </data>
</response>
`;

const ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<response>
  <action>error</action>
  <data>
    <errorcode>1</errorcode>
    <errormessage>Invalid recipient.</errormessage>
  </data>
</response>`;

const GET_MESSAGE = `<?xml version="1.0" encoding="utf-8" ?>
<response>
  <action>getMessage</action>
  <data>
    <messageid>256875</messageid>
    <date>01/01/2013 17:25:30</date>
    <status>1</status>
  </data>
</response>`;

describe("masiv replies: the document's examples", () => {
  it("reads the reply for a message under 160 characters", () => {
    expect(parseSendReply(UNDER_160)).toEqual({
      kind: "accepted",
      parts: [{ statusCode: "0", statusMessage: "Message accepted for delivery", messageId: "35245856", recipient: "573151234567" }],
    });
    expect(outcomeFromSendReply("a1", UNDER_160, "unknown")).toEqual({
      kind: "accepted",
      attemptId: "a1",
      providerMessageId: "35245856",
      raw: '{"partIds":["35245856"]}',
    });
  });

  it("reads the reply for a message over 160 characters: one acceptreport per part", () => {
    expect(outcomeFromSendReply("a1", OVER_160, "unknown")).toEqual({
      kind: "accepted",
      attemptId: "a1",
      providerMessageId: "35245856",
      raw: '{"partIds":["35245856","35245856"]}',
    });
  });

  it("reads the error example", () => {
    expect(parseSendReply(ERROR)).toEqual({ kind: "error", code: "1", message: "Invalid recipient." });
    expect(outcomeFromSendReply("a1", ERROR, "unknown")).toEqual({ kind: "rejected", attemptId: "a1", code: "1", reason: "Invalid recipient." });
  });

  it("reads the getMessage example, its date as UTC", () => {
    expect(parseMessageReply(GET_MESSAGE)).toEqual({
      kind: "message",
      messageId: "256875",
      status: "1",
      date: new Date("2013-01-01T17:25:30Z"),
    });
  });

  it("formats sendondate like the document's example", () => {
    expect(formatSendOnDate(new Date("2010-12-24T10:00:00Z"), "UTC")).toBe("12/24/2010 10:00:00");
  });
});

describe("masiv replies: edge cases", () => {
  it("keeps ids as strings, however long", () => {
    const body = UNDER_160.replace("35245856", "98765432109876543210");
    expect(outcomeFromSendReply("a1", body, "unknown")).toMatchObject({ providerMessageId: "98765432109876543210" });
  });

  it("a long message whose later part was refused is still accepted, the refusal kept in raw", () => {
    const body = OVER_160.replace(/<statuscode>0<\/statuscode>(?![\s\S]*<statuscode>0<\/statuscode>)/, "<statuscode>1160</statuscode>");
    const outcome = outcomeFromSendReply("a1", body, "unknown");
    expect(outcome).toMatchObject({ kind: "accepted", providerMessageId: "35245856" });
    expect(outcome.kind === "accepted" && JSON.parse(outcome.raw ?? "{}")).toEqual({
      partIds: ["35245856"],
      refusedParts: [{ code: "1160", message: "Message accepted for delivery" }],
    });
  });

  it("an acceptreport with a non-zero status only is a rejection with that status", () => {
    const body = UNDER_160.replace("<statuscode>0</statuscode>", "<statuscode>1159</statuscode>").replace(
      "Message accepted for delivery",
      "Insufficient credits",
    );
    expect(outcomeFromSendReply("a1", body, "unknown")).toEqual({ kind: "rejected", attemptId: "a1", code: "1159", reason: "Insufficient credits" });
  });

  it("rejects impossible dates", () => {
    expect(parseMasivDate("02/30/2013 10:00:00")).toBeUndefined();
    expect(parseMasivDate("2013-01-01T10:00:00Z")).toBeUndefined();
    expect(parseMasivDate("02/28/2013 23:59:59")).toEqual(new Date("2013-02-28T23:59:59Z"));
  });
});
