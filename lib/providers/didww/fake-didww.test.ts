import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth, httpRequest } from "../shared/http";
import { startDidwwFake, type DidwwFake } from "./fake-didww";

// The fake must refuse whatever the document does not allow, or adapter bugs would pass unnoticed.
let fake: DidwwFake;
beforeAll(async () => {
  fake = await startDidwwFake();
});
afterAll(() => fake.close());

const AUTH = basicAuth("user", "secret");
const JSON_API = "application/vnd.api+json";
const single = (attributes: Record<string, unknown>) => JSON.stringify({ data: { type: "outbound_messages", attributes } });
const bulk = (attributes: Record<string, unknown>) => JSON.stringify({ data: { type: "bulk_outbound_messages", attributes } });

async function call(path: string, body: string, headers: Record<string, string> = {}, method: "POST" | "GET" | "PUT" = "POST") {
  const reply = await httpRequest({
    method,
    url: fake.url + path,
    headers: { authorization: AUTH, "content-type": JSON_API, ...headers },
    body: method === "GET" ? undefined : body,
    timeoutMs: 2_000,
  });
  if (reply.kind !== "response") throw new Error(reply.reason);
  return { status: reply.status, json: JSON.parse(reply.body) };
}

describe("the fake DIDWW refuses what the document does not allow", () => {
  const ok = { destination: "37041654321", content: "Hi" };

  it("answers the document's 401 body to missing or wrong credentials", async () => {
    for (const authorization of ["", basicAuth("user", "wrong")]) {
      const reply = await call("/outbound_messages", single(ok), { authorization });
      expect(reply).toEqual({ status: 401, json: { errors: [{ title: "Unauthorized", detail: "Authorization failed", code: "401", status: "401" }] } });
    }
  });

  it("answers the document's 400 body to a body that is not JSON", async () => {
    const reply = await call("/outbound_messages", "{not json");
    expect(reply).toEqual({ status: 400, json: { errors: [{ title: "Bad Request", detail: "Invalid request", code: "400", status: "400" }] } });
  });

  it.each([
    ["a charset on the content type", "/outbound_messages", single(ok), { "content-type": `${JSON_API}; charset=utf-8` }, 415],
    ["plain JSON", "/outbound_messages", single(ok), { "content-type": "application/json" }, 415],
    ["Accept with parameters only", "/outbound_messages", single(ok), { accept: `${JSON_API}; ext=bulk` }, 406],
    ["an unknown attribute (callback_url)", "/outbound_messages", single({ ...ok, callback_url: "http://x" }), {}, 400],
    ["a missing content", "/outbound_messages", single({ destination: "37041654321" }), {}, 400],
    ["a + in the destination", "/outbound_messages", single({ ...ok, destination: "+37041654321" }), {}, 400],
    ["an array destination on the single endpoint", "/outbound_messages", single({ ...ok, destination: ["37041654321"] }), {}, 400],
    ["a string destination on the bulk endpoint", "/bulk_outbound_messages", bulk(ok), {}, 400],
    ["1001 destinations", "/bulk_outbound_messages", bulk({ ...ok, destination: Array.from({ length: 1001 }, (_, i) => `3704100${i}`) }), {}, 400],
    ["an empty source", "/outbound_messages", single({ ...ok, source: "" }), {}, 400],
    ["a numeric campaign_id", "/outbound_messages", single({ ...ok, campaign_id: 5 }), {}, 400],
    ["the bulk type on the single endpoint", "/outbound_messages", bulk(ok), {}, 409],
    ["a client-chosen id", "/outbound_messages", JSON.stringify({ data: { type: "outbound_messages", id: "x", attributes: ok } }), {}, 400],
    ["an unknown path", "/messages", single(ok), {}, 404],
  ])("%s → %i", async (_name, path, body, headers, status) => {
    const reply = await call(path, body, headers);
    expect(reply.status).toBe(status);
    expect(reply.json.errors[0].detail).toMatch(/^fake: /);
  });

  it("refuses GET and PUT on the endpoints with 405 once authenticated", async () => {
    expect((await call("/outbound_messages", "", {}, "GET")).status).toBe(405);
    expect((await call("/outbound_messages", single(ok), {}, "PUT")).status).toBe(405);
  });

  it("points at the bad destination of a bulk request", async () => {
    const reply = await call("/bulk_outbound_messages", bulk({ ...ok, destination: ["37041654321", "12ab"] }));
    expect(reply.json.errors[0].source).toEqual({ pointer: "/data/attributes/destination/1" });
  });

  it("accepts 1000 destinations, one id each, and counts them without recording when asked", async () => {
    const quiet = await startDidwwFake({ record: false });
    try {
      const destinations = Array.from({ length: 1000 }, (_, i) => `3704100${String(i).padStart(4, "0")}`);
      const reply = await httpRequest({
        method: "POST",
        url: `${quiet.url}/bulk_outbound_messages`,
        headers: { authorization: AUTH, "content-type": JSON_API },
        body: bulk({ ...ok, destination: destinations }),
        timeoutMs: 2_000,
      });
      expect(reply.kind === "response" && reply.status).toBe(201);
      const ids = JSON.parse((reply as { body: string }).body).data.relationships.outbound_messages.data;
      expect(new Set(ids.map((m: { id: string }) => m.id)).size).toBe(1000);
      expect(quiet.acceptedCount).toBe(1000);
      expect(quiet.accepted).toEqual([]);
      expect(quiet.server.requests).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
