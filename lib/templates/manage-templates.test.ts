import { describe, expect, it } from "vitest";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { createTemplate, deleteTemplate, duplicateTemplate, listTemplates, updateTemplate } from "./manage-templates";

describe.each(testDatabases())("templates on $name", (target) => {
  const t = useTestDatabase(target, "templates");

  it("saves a template with contact fields, custom fields and fallbacks", async () => {
    await t.db.customField.create({ data: { key: "city", label: "City" } });
    const template = await createTemplate(t.db, { name: "Welcome", body: "Hi {{first_name|there}} in {{city}}" }, null);
    expect(template.body).toBe("Hi {{first_name|there}} in {{city}}");
    expect(await t.db.auditLog.count({ where: { action: "template.create", targetId: String(template.id) } })).toBe(1);
  });

  it("refuses an unknown merge field at save, on the body field", async () => {
    await expect(createTemplate(t.db, { name: "Typo", body: "Hi {{frist_name}}" }, null)).rejects.toMatchObject({
      message: "Unknown merge field: {{frist_name}}.",
      fieldErrors: { body: "Unknown merge field: {{frist_name}}" },
    });
    const [welcome] = await listTemplates(t.db);
    await expect(updateTemplate(t.db, welcome.id, { name: "Welcome", body: "{{town}}" }, null)).rejects.toThrow("Unknown merge field: {{town}}.");
    expect(await t.db.template.count({ where: { name: "Typo" } })).toBe(0);
  });

  it("refuses a name already taken, on the name field", async () => {
    await expect(createTemplate(t.db, { name: "Welcome", body: "Hello" }, null)).rejects.toMatchObject({ status: 409, fieldErrors: { name: expect.any(String) } });
  });

  it("duplicates under a free name, then again", async () => {
    const [welcome] = await listTemplates(t.db);
    const first = await duplicateTemplate(t.db, welcome.id, null);
    const second = await duplicateTemplate(t.db, welcome.id, null);
    expect([first.name, second.name]).toEqual(["Welcome (copy)", "Welcome (copy 2)"]);
    expect(second.body).toBe(welcome.body);
  });

  it("edits and deletes, keeping campaigns' own text", async () => {
    const [welcome] = await listTemplates(t.db);
    const edited = await updateTemplate(t.db, welcome.id, { name: "Welcome", body: "Hello {{first_name}}" }, null);
    expect(edited.body).toBe("Hello {{first_name}}");
    await deleteTemplate(t.db, welcome.id, null);
    expect((await listTemplates(t.db)).map((x) => x.name).sort()).toEqual(["Welcome (copy 2)", "Welcome (copy)"]);
    await expect(deleteTemplate(t.db, welcome.id, null)).rejects.toMatchObject({ status: 404 });
  });
});
