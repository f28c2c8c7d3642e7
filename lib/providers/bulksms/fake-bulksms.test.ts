import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { httpRequest } from "../shared/http";
import { startBulksmsFake } from "./fake-bulksms";

const fake = await startBulksmsFake();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const valid = { username: "user", password: "secret", type: "0", dlr: "1", destination: "2348055494143", source: "ACME", message: "Hi" };

async function get(query: Record<string, string>, path = "/bulksms/bulksms", method: "GET" | "POST" = "GET") {
  const response = await httpRequest({ method, url: `${fake.url}${path}?${new URLSearchParams(query)}`, timeoutMs: 2_000 });
  if (response.kind !== "response") throw new Error(response.reason);
  return { status: response.status, body: response.body };
}

describe("the fake bulksms gateway", () => {
  it("accepts the document's example with its `ip` parameter and answers 1701|<cell>|<id>", async () => {
    const { status, body } = await get({ ...valid, ip: "x" });
    expect(status).toBe(200);
    expect(body).toBe(`1701|2348055494143|${fake.accepted[0].messageId}`);
  });

  it("refuses the document's literal example (type=Y is no type) with 1704", async () => {
    const literal = await startBulksmsFake({ username: "X", password: "Y" });
    try {
      const url = `${literal.url}/bulksms/bulksms?username=X&password=Y&type=Y&dlr=Z&destination=Q&source=R&message=S&ip=x`;
      const response = await httpRequest({ method: "GET", url, timeoutMs: 2_000 });
      expect(response.kind === "response" && response.body).toBe("1704");
    } finally {
      await literal.close();
    }
  });

  it("answers one tuple per destination, invalid ones without an id", async () => {
    const { body } = await get({ ...valid, destination: "+2348055494143,23405,2348055494144" });
    expect(body.split(",").map((t) => t.split("|").slice(0, 2).join("|"))).toEqual(["1701|2348055494143", "1706|23405", "1701|2348055494144"]);
    expect(fake.accepted.map((m) => m.destination)).toEqual(["+2348055494143", "2348055494144"]);
  });

  it.each([
    ["an unknown parameter", { ...valid, coding: "0" }, "1702"],
    ["a repeated parameter", null, "1702"],
    ["a blank mandatory parameter", { ...valid, source: "" }, "1702"],
    ["a missing mandatory parameter", { username: "user", password: "secret", type: "0", dlr: "1", destination: "1", source: "A" }, "1702"],
    ["half a schedule", { ...valid, date: "03/03/2018" }, "1702"],
    ["a schedule in the wrong format", { ...valid, date: "2018-03-03", time: "03:45 am", gmt: "+01:00" }, "1702"],
    ["a wrong password", { ...valid, password: "nope" }, "1703"],
    ["type 3 (reserved)", { ...valid, type: "3" }, "1704"],
    ["a textual type", { ...valid, type: "unicode" }, "1704"],
    ["lowercase UCS-2 hex", { ...valid, type: "2", message: "00e9" }, "1705"],
    ["UCS-2 text that is not hex", { ...valid, type: "2", message: "Hola" }, "1705"],
    ["dlr=yes", { ...valid, dlr: "yes" }, "1708"],
    ["a 12-character alphanumeric source", { ...valid, source: "ABCDEFGHIJKL" }, "1707"],
    ["a 19-digit numeric source", { ...valid, source: "1234567890123456789" }, "1707"],
    ["more destinations than the account's batch size", { ...valid, destination: Array.from({ length: 501 }, (_, i) => 2348000000000 + i).join(",") }, "1702"],
  ])("refuses %s", async (_, query, code) => {
    const body = query ? (await get(query)).body : await repeatedParameter();
    expect(body).toBe(code);
    expect(fake.accepted).toHaveLength(0);
  });

  it("requires the schedule on /bulksms/schedulemsg and accepts the document's examples", async () => {
    expect((await get(valid, "/bulksms/schedulemsg")).body).toBe("1702");
    const { body } = await get({ ...valid, date: "03/03/2018", time: "11:51 pm", gmt: "GMT +1:30" }, "/bulksms/schedulemsg");
    expect(body).toMatch(/^1701\|/);
    expect(fake.accepted[0].scheduledFor).toEqual(new Date("2018-03-03T22:21:00Z"));
  });

  it("decodes UCS-2 for the record", async () => {
    await get({ ...valid, type: "2", message: "00E9D83DDC4B" });
    expect(fake.accepted[0].text).toBe("é👋");
  });

  it("refuses other methods and paths", async () => {
    expect((await get(valid, "/bulksms/bulksms", "POST")).status).toBe(405);
    expect((await get(valid, "/bulksms/other")).status).toBe(404);
  });

  it("forces a code for the next request or for one destination", async () => {
    fake.forceCode("1725");
    fake.forceCode("1032", { destination: "+2348055494144", times: 2 });
    expect((await get(valid)).body).toBe("1725");
    for (let i = 0; i < 3; i++) {
      const { body } = await get({ ...valid, destination: "2348055494143,2348055494144" });
      expect(body.split(",")[1].startsWith(i < 2 ? "1032|2348055494144" : "1701|2348055494144")).toBe(true);
    }
  });

  it("counts without recording when asked to (benchmarks)", async () => {
    const quiet = await startBulksmsFake({ record: false });
    try {
      const response = await httpRequest({ method: "GET", url: `${quiet.url}/bulksms/bulksms?${new URLSearchParams(valid)}`, timeoutMs: 2_000 });
      expect(response.kind === "response" && response.body).toMatch(/^1701\|/);
      expect([quiet.acceptedCount, quiet.accepted.length, quiet.server.requests.length]).toEqual([1, 0, 0]);
    } finally {
      await quiet.close();
    }
  });
});

async function repeatedParameter(): Promise<string> {
  const response = await httpRequest({ method: "GET", url: `${fake.url}/bulksms/bulksms?${new URLSearchParams(valid)}&dlr=0`, timeoutMs: 2_000 });
  if (response.kind !== "response") throw new Error(response.reason);
  return response.body;
}
