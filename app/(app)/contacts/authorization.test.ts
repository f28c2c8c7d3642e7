/**
 * Managers read contacts but change nothing: every mutating server action and route handler of the contacts
 * area must refuse them on the server, whatever the UI shows. The session and the user lookup are faked;
 * the refusal happens before anything else touches the database.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const signedIn = vi.hoisted(() => ({ role: "MANAGER" as "MANAGER" | "MARKETER" }));
const touched = vi.hoisted(() => ({ count: 0 }));

vi.mock("next-auth", () => ({ getServerSession: async () => ({ user: { id: 7 } }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/options", () => ({ authOptions: {} }));
vi.mock("@/lib/db/client", () => ({
  db: () =>
    new Proxy(
      { user: { findUnique: async () => ({ id: 7, email: "m@example.com", name: null, role: signedIn.role, timezone: "UTC", active: true }) } },
      {
        get(target, key) {
          if (key in target) return target[key as keyof typeof target];
          touched.count++;
          throw new Error(`database used: ${String(key)}`);
        },
      },
    ),
}));
vi.mock("@/lib/db/raw", () => ({ rawDb: () => { touched.count++; throw new Error("raw database used"); } }));

const actions = await import("./actions");
const startRoute = await import("@/app/api/imports/route");
const importRoute = await import("@/app/api/imports/[id]/route");
const chunkRoute = await import("@/app/api/imports/[id]/chunks/route");

const params = { params: Promise.resolve({ id: "1" }) };
const post = (body: unknown, method = "POST") => new Request("http://test/api", { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

describe("a manager", () => {
  beforeEach(() => {
    signedIn.role = "MANAGER";
    touched.count = 0;
  });

  it.each([
    ["updateContactAction", () => actions.updateContactAction({ id: 1, phone: "+33612345678", firstName: "", lastName: "" })],
    ["deleteContactsAction", () => actions.deleteContactsAction({ contactIds: [1] })],
    ["setOptOutAction", () => actions.setOptOutAction({ contactIds: [1], optedOut: true })],
    ["addToListAction", () => actions.addToListAction({ listId: 1, contactIds: [1] })],
    ["removeFromListAction", () => actions.removeFromListAction({ listId: 1, contactIds: [1] })],
    ["createListAction", () => actions.createListAction({ name: "x" })],
    ["renameListAction", () => actions.renameListAction({ listId: 1, name: "x" })],
    ["deleteListAction", () => actions.deleteListAction({ listId: 1 })],
  ])("is refused by %s", async (_name, call) => {
    const result = await call();
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(touched.count).toBe(0);
  });

  it.each([
    ["POST /api/imports", () => startRoute.POST(post({}))],
    ["POST /api/imports/1/chunks", () => chunkRoute.POST(post({ chunkIndex: 0, firstRowNumber: 1, rows: [] }), params)],
    ["PATCH /api/imports/1", () => importRoute.PATCH(post({ action: "cancel" }, "PATCH"), params)],
  ])("is refused by %s", async (_name, call) => {
    const response = await call();
    expect(response.status).toBe(403);
    expect(touched.count).toBe(0);
  });

  it("gets past authorization as a marketer (then fails on input, not on role)", async () => {
    signedIn.role = "MARKETER";
    expect(await actions.createListAction({ name: "" })).toMatchObject({ ok: false, status: 400 });
    expect((await startRoute.POST(post({}))).status).toBe(400);
  });
});
