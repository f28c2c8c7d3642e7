import { describe, expect, it } from "vitest";
import { planRequests, ucs2Hex, type RequestContext } from "./request";
import { gsmMessage } from "./test-support";

const context: RequestContext = {
  baseUrl: "https://smsapi.example:8443",
  path: "/bulksms/bulksms",
  username: "user",
  password: "s&cret",
  dlr: "1",
  source: "ACME",
  batchSize: 100,
  maxUrlLength: 7_500,
};

describe("ucs2Hex", () => {
  it("writes UTF-16BE, 4 uppercase hex digits per code unit, emoji as surrogate pairs", () => {
    expect(ucs2Hex("A")).toBe("0041");
    expect(ucs2Hex("é€")).toBe("00E920AC");
    expect(ucs2Hex("👋")).toBe("D83DDC4B");
    expect(ucs2Hex("مرحبا")).toBe("06450631062D06280627");
  });
});

describe("planRequests", () => {
  it("builds the document's URL, parameters in the document's order, credentials encoded", () => {
    const { requests } = planRequests([gsmMessage(1), gsmMessage(2)], context);
    expect(requests).toEqual([
      {
        url:
          "https://smsapi.example:8443/bulksms/bulksms?username=user&password=s%26cret&type=0&dlr=1" +
          "&destination=2348055494001%2C2348055494002&source=ACME&message=Hello%20from%20ACME",
        members: [
          { index: 0, digits: "2348055494001" },
          { index: 1, digits: "2348055494002" },
        ],
      },
    ]);
  });

  it("appends the scheduler's values under the account's names", () => {
    const { requests } = planRequests([gsmMessage(1)], {
      ...context,
      path: "/bulksms/schedulemsg",
      schedule: { names: { date: "scheduledate", time: "scheduletime", gmt: "gmt" }, values: { date: "03/03/2018", time: "03:45 am", gmt: "GMT +1:30" } },
    });
    expect(requests[0].url).toMatch(/\/bulksms\/schedulemsg\?.*&message=[^&]+&scheduledate=03%2F03%2F2018&scheduletime=03%3A45%20am&gmt=GMT%20%2B1%3A30$/);
  });

  it("keeps every request within the URL length limit", () => {
    const messages = Array.from({ length: 100 }, (_, i) => gsmMessage(i));
    const { requests } = planRequests(messages, { ...context, maxUrlLength: 1_024 });
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) expect(request.url.length).toBeLessThanOrEqual(1_024);
    expect(requests.flatMap((r) => r.members.map((m) => m.index)).sort((a, b) => a - b)).toEqual(messages.map((_, i) => i));
  });

  it("still sends a message whose text alone is longer than the limit, on its own", () => {
    const long = "x".repeat(2_000);
    const { requests } = planRequests([gsmMessage(1, { text: long }), gsmMessage(2, { text: long })], { ...context, maxUrlLength: 1_024 });
    expect(requests.map((r) => r.members.length)).toEqual([1, 1]);
  });

  it("puts a repeated destination in another request, and groups by text and coding", () => {
    const { requests } = planRequests(
      [
        gsmMessage(1),
        gsmMessage(1),
        gsmMessage(2),
        gsmMessage(3, { text: "Other" }),
        gsmMessage(4, { encoding: "UCS2" }), // same text, other coding
      ],
      context,
    );
    expect(requests.map((r) => r.members.map((m) => m.index))).toEqual([[0], [1, 2], [3], [4]]);
    expect(requests[3].url).toContain("&type=2&");
  });

  it("refuses locally what cannot be written into the URL", () => {
    const { requests, refused } = planRequests(
      [gsmMessage(1, { to: "0805 549" }), gsmMessage(2, { text: "broken \uD83D text" }), gsmMessage(3, { text: "broken \uD83D text", encoding: "UCS2" })],
      context,
    );
    expect(refused).toEqual([
      { index: 0, code: "invalid-destination", reason: expect.stringContaining('"0805 549" is not an E.164 number') },
      { index: 1, code: "invalid-text", reason: "the text holds an unpaired surrogate" },
    ]);
    expect(requests[0].url).toContain("message=0062"); // UCS-2 carries the lone surrogate as a code unit
    expect(requests[0].url).toContain("D83D0020");
  });
});
