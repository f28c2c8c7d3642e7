/**
 * The refusal paths of every endpoint, driven by the endpoint list itself so a new endpoint cannot skip
 * them: no key, an unknown key, a revoked key, a key of too small a scope, an invalid body (every wrong
 * field listed) and an unknown id.
 */
import { describe, expect, it } from "vitest";
import { revokeApiKey, createApiKey } from "@/lib/api-keys/manage-api-keys";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { useApiHarness } from "@/lib/api/testing/api-harness";
import { testDatabases } from "@/lib/testing/test-databases";

/** A concrete URL for an endpoint's path, with `id` for its parameter. */
const urlOf = (path: string, id: number | string = 1) => path.replace("{id}", String(id));

/** For every endpoint with a body: a body with at least two wrong fields, and the pointers they must be reported at. */
const INVALID_BODIES: Record<string, { body: unknown; pointers: string[] }> = {
  sendMessage: { body: { to: 5, text: "" }, pointers: ["/to", "/text"] },
  sendCampaign: { body: { name: "", text: 7, listIds: ["a"] }, pointers: ["/name", "/text", "/listIds/0"] },
  cancelCampaign: { body: [], pointers: [""] },
  createContact: { body: { phone: 31, fields: { "1bad": "x" } }, pointers: ["/phone", "/fields/1bad"] },
  updateContact: { body: { firstName: 5, fields: { ok: 3 } }, pointers: ["/firstName", "/fields/ok"] },
  optOutContact: { body: { detail: 5 }, pointers: ["/detail"] },
  importContacts: { body: { rows: [{ phone: "" }, { firstName: "x" }], listId: "x" }, pointers: ["/rows/0/phone", "/rows/1/phone", "/listId"] },
  createList: { body: { name: "", description: 3 }, pointers: ["/name", "/description"] },
  updateList: { body: { name: "", description: 3 }, pointers: ["/name", "/description"] },
  createProviderAccount: { body: { vendor: "nope", name: "" }, pointers: ["/vendor", "/name", "/baseUrl"] },
  updateProviderAccount: { body: { batchSize: 0, currency: "dollars" }, pointers: ["/batchSize", "/currency"] },
  testProviderAccount: { body: "no", pointers: [""] },
};

describe.each(testDatabases())("API refusals on $name", (target) => {
  const api = useApiHarness(target, "api-refusals");

  it("has an invalid-body case for every endpoint that takes a body", () => {
    const withBody = ENDPOINTS.filter((e) => e.body).map((e) => e.operationId);
    expect(Object.keys(INVALID_BODIES).sort()).toEqual(withBody.sort());
  });

  for (const endpoint of ENDPOINTS) {
    const label = `${endpoint.method} ${endpoint.path}`;

    it(`${label}: refuses a request without a key, with an unknown key, and with a revoked key`, async () => {
      const none = await api.call(endpoint.method, urlOf(endpoint.path), { key: null, body: endpoint.body ? {} : undefined });
      expect(none.status).toBe(401);
      expect(none.json.type).toBe("http://api.test/api-docs#problem-unauthenticated");
      expect(none.headers.get("www-authenticate")).toContain("Bearer");

      const unknown = await api.call(endpoint.method, urlOf(endpoint.path), { key: "smk_not-a-real-key" });
      expect(unknown.status).toBe(401);
      expect(unknown.json.type).toMatch(/#problem-invalid-api-key$/);

      const revoked = await createApiKey(api.t.db, api.adminId, { name: `revoked for ${label}`, scope: "admin" });
      await revokeApiKey(api.t.db, api.adminId, revoked.id);
      const refused = await api.call(endpoint.method, urlOf(endpoint.path), { key: revoked.key });
      expect(refused.status).toBe(401);
      expect(refused.json.type).toMatch(/#problem-revoked-api-key$/);
    });

    if (endpoint.scope !== "read") {
      it(`${label}: refuses a key whose scope is below ${endpoint.scope}`, async () => {
        const tooSmall = endpoint.scope === "admin" ? [api.keys.read, api.keys.send] : [api.keys.read];
        for (const key of tooSmall) {
          const reply = await api.call(endpoint.method, urlOf(endpoint.path), { key, body: endpoint.method === "GET" ? undefined : {} });
          expect(reply.status).toBe(403);
          expect(reply.json.type).toMatch(/#problem-insufficient-scope$/);
        }
      });
    }

    if (endpoint.body) {
      it(`${label}: lists every invalid field of the body`, async () => {
        const { body, pointers } = INVALID_BODIES[endpoint.operationId];
        const reply = await api.call(endpoint.method, urlOf(endpoint.path), { body });
        expect(reply.status).toBe(400);
        expect(reply.json.type).toMatch(/#problem-validation-failed$/);
        const reported = reply.json.errors.filter((e: { in: string }) => e.in === "body").map((e: { pointer: string }) => e.pointer);
        for (const pointer of pointers) expect(reported).toContain(pointer);
      });
    }

    if (endpoint.params) {
      it(`${label}: answers 404 for an unknown id and for an id that is not a number`, async () => {
        const body = endpoint.method === "GET" ? undefined : endpoint.operationId === "updateProviderAccount" ? { name: "x" } : {};
        for (const id of [999_999, "abc"]) {
          const reply = await api.call(endpoint.method, urlOf(endpoint.path, id), { body });
          expect(reply.status, `id ${id}`).toBe(404);
          expect(reply.json.type).toMatch(/#problem-not-found$/);
        }
      });
    }
  }

  it("answers malformed JSON with its own problem type", async () => {
    const reply = await api.call("POST", "/lists", { rawBody: "{not json" });
    expect(reply.status).toBe(400);
    expect(reply.json.type).toMatch(/#problem-malformed-json$/);
  });
});
