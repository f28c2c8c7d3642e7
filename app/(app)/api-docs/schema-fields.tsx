/** The top-level fields of a JSON Schema object as a table: name, type, whether required, description. */
type Node = { type?: string | string[]; enum?: unknown[]; items?: Node; anyOf?: Node[]; properties?: Record<string, Node>; required?: string[]; description?: string; default?: unknown; format?: string };

function typeOf(node: Node): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (node.anyOf) return node.anyOf.map(typeOf).join(" | ");
  if (node.type === "array" && node.items) return `${typeOf(node.items)}[]`;
  const type = Array.isArray(node.type) ? node.type.join(" | ") : (node.type ?? "any");
  return node.format ? `${type} (${node.format})` : type;
}

export function SchemaFields({ schema, caption }: { schema: Node; caption: string }) {
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return null;
  const required = new Set(schema.required ?? []);
  return (
    <table className="mt-2 w-full text-left text-xs">
      <caption className="mb-1 text-left text-sm font-medium text-slate-700">{caption}</caption>
      <thead className="text-slate-500">
        <tr><th className="py-1 pr-3">Field</th><th className="py-1 pr-3">Type</th><th className="py-1">Description</th></tr>
      </thead>
      <tbody>
        {entries.map(([name, node]) => (
          <tr key={name} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono">{name}{required.has(name) ? <span className="text-red-700" title="required"> *</span> : null}</td>
            <td className="py-1 pr-3 font-mono text-slate-600">{typeOf(node)}</td>
            <td className="py-1 text-slate-700">{node.description}{node.default !== undefined ? ` Default: ${JSON.stringify(node.default)}.` : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
