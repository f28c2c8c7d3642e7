import { describe, expect, it } from "vitest";
import { z } from "zod";
import { simulatorOptionsSchema } from "../simulator/settings";
import { coerceValues, fieldErrorsFrom, fieldsFromSchema, humanize } from "./form-fields";

const schema = z.object({
  username: z.string().min(1),
  transport: z.enum(["rest", "http"]).default("rest"),
  level: z.union([z.literal(1), z.literal(2)]).default(2),
  reports: z.boolean().default(true),
  retryAfterMs: z.number().int().min(0).max(10).default(5),
  path: z.union([z.string().regex(/^\//), z.literal("")]).default("/x"),
  codes: z.array(z.string()).default(["1"]),
  names: z.object({ from: z.string().default("SRC") }).prefault({}),
  method: z.enum(["GET", "POST"]).optional(),
});

describe("fieldsFromSchema", () => {
  it("describes each field with its kind, default, limits and a readable label", () => {
    const fields = fieldsFromSchema(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["username", "text", true],
      ["transport", "select", false],
      ["level", "select", false],
      ["reports", "boolean", false],
      ["retryAfterMs", "number", false],
      ["path", "text", false],
      ["codes", "list", false],
      ["names", "group", false],
      ["method", "select", false],
    ]);
    expect(fields[2]).toMatchObject({ numeric: true, default: 2, choices: [{ value: "1" }, { value: "2" }] });
    expect(fields[4]).toMatchObject({ label: "Retry after (ms)", min: 0, max: 10, default: 5, integer: true });
    expect(fields[5]).toMatchObject({ allowEmpty: true, default: "/x" });
    expect(humanize("parallelRequests")).toBe("Parallel requests");
  });

  it("takes titles and descriptions from the schema's meta", () => {
    const fields = fieldsFromSchema(simulatorOptionsSchema);
    expect(fields.find((f) => f.name === "delayMs")).toMatchObject({ label: "Report delay (ms)", description: expect.stringMatching(/webhook/) });
    expect(fields.find((f) => f.name === "replyTexts")).toMatchObject({ kind: "list", default: ["Yes", "Thanks!", "STOP"] });
  });
});

describe("coerceValues", () => {
  it("turns raw form values into the schema's input, so defaults fill what was left empty", () => {
    const fields = fieldsFromSchema(schema);
    const values = coerceValues(fields, {
      username: "u",
      transport: "",
      level: "1",
      reports: false,
      retryAfterMs: "",
      path: "",
      codes: "12\n\n 34 ",
      names: { from: "" },
      method: "",
      unknown: "dropped",
    });
    expect(values).toEqual({ username: "u", level: 1, reports: false, path: "", codes: ["12", "34"], names: {} });
    expect(schema.parse(values)).toMatchObject({ transport: "rest", retryAfterMs: 5, names: { from: "SRC" } });
  });

  it("passes non-numbers on so the schema names the problem on the field", () => {
    const result = schema.safeParse(coerceValues(fieldsFromSchema(schema), { retryAfterMs: "soon" }));
    expect(result.success).toBe(false);
    expect(fieldErrorsFrom(result.error!, "options")).toMatchObject({ "options.username": "Required.", "options.retryAfterMs": expect.any(String) });
  });
});
