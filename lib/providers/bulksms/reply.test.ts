import { describe, expect, it } from "vitest";
import { parseSubmissionReply } from "./reply";

describe("parseSubmissionReply", () => {
  it("reads the document's reply format 1701|<CELL_NO>|<MESSAGE ID>", () => {
    expect(parseSubmissionReply("1701|2348055494143|c7a5b7e2-3b9e-4a5e-8d3c-1f2e3d4c5b6a")).toEqual({
      kind: "tuples",
      tuples: [{ code: "1701", destination: "2348055494143", messageId: "c7a5b7e2-3b9e-4a5e-8d3c-1f2e3d4c5b6a", raw: "1701|2348055494143|c7a5b7e2-3b9e-4a5e-8d3c-1f2e3d4c5b6a" }],
    });
  });

  it("reads NOTES.md's multi-destination example, failed destinations without an id", () => {
    const reply = parseSubmissionReply("1701|2348055494143|id-1,1706|23405,1025|3453453456");
    expect(reply).toEqual({
      kind: "tuples",
      tuples: [
        { code: "1701", destination: "2348055494143", messageId: "id-1", raw: "1701|2348055494143|id-1" },
        { code: "1706", destination: "23405", messageId: undefined, raw: "1706|23405" },
        { code: "1025", destination: "3453453456", messageId: undefined, raw: "1025|3453453456" },
      ],
    });
  });

  it("reads the 1701|<cell>:<id> variant seen in the wild", () => {
    const reply = parseSubmissionReply("1701|2348055494143:abc-1\r\n");
    expect(reply).toMatchObject({ kind: "tuples", tuples: [{ code: "1701", destination: "2348055494143", messageId: "abc-1" }] });
  });

  it("tolerates whitespace, a trailing comma and newline-separated tuples", () => {
    const reply = parseSubmissionReply(" 1701|111111111|a ,\n1701|222222222|b,\n");
    expect(reply.kind === "tuples" && reply.tuples.map((t) => t.messageId)).toEqual(["a", "b"]);
  });

  it("treats a bare code as a request-level answer", () => {
    expect(parseSubmissionReply("1703")).toEqual({ kind: "request", code: "1703" });
    expect(parseSubmissionReply(" 1709\n")).toEqual({ kind: "request", code: "1709" });
  });

  it.each([
    ["an empty body", ""],
    ["an HTML error page", "<html><body><h1>502 Bad Gateway</h1></body></html>"],
    ["JSON", '{"status":"ok","id":123}'],
    ["a code without a destination", "1701|"],
    ["a letter where the code goes", "OK|2348055494143|abc"],
    ["too many fields", "1701|2348055494143|abc|extra"],
    ["a destination that is not a number", "1701|<script>|abc"],
    ["an id with spaces", "1701|2348055494143|not an id"],
  ])("finds nothing in %s", (_, body) => {
    expect(parseSubmissionReply(body)).toEqual({ kind: "unreadable" });
  });

  it("keeps the readable tuples of a partly garbled reply and drops the rest", () => {
    const reply = parseSubmissionReply("1701|111111111|a,<garbage>,17");
    expect(reply).toMatchObject({ kind: "tuples", tuples: [{ destination: "111111111", messageId: "a" }] });
  });

  it("copes with a huge body", () => {
    const body = "1701|111111111|a," + "x".repeat(3_000_000);
    expect(parseSubmissionReply(body)).toMatchObject({ kind: "tuples", tuples: [{ messageId: "a" }] });
  });
});
