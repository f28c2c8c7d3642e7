import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { config } from "@/lib/env";
import { SchemaFields } from "./schema-fields";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters: { name?: string; in?: string; required?: boolean; description?: string; $ref?: string }[];
  requestBody?: { content: { "application/json": { schema: { $ref: string } } } };
  responses: Record<string, { description: string; content?: { "application/json"?: { schema: { $ref: string } } } }>;
};

/** The OpenAPI document, readable: the same object /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  await requirePageUser(READERS);
  const appUrl = config().appUrl;
  const doc = buildOpenApiDocument(appUrl);
  const schemas = doc.components.schemas as Record<string, object>;
  const schemaOf = (ref: string) => schemas[ref.split("/").pop()!];
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return (
    <>
      <PageHeader title="API reference" description="Send and track messages from other systems." />
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm" aria-labelledby="basics">
        <h2 id="basics" className="text-lg font-medium">Basics</h2>
        <p>Base URL: <code className="font-mono">{appUrl}/api/v1</code>. Machine-readable document: <a className="text-brand-700 underline" href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
        <p>Authenticate with <code className="font-mono">Authorization: Bearer smk_…</code>. Admins create keys on the API keys page with a scope: <code>read</code> ⊂ <code>send</code> ⊂ <code>admin</code>.</p>
        <p>Every POST accepts an <code className="font-mono">Idempotency-Key</code> header: a repeat with the same key and body within 24 hours gets the first answer (marked <code>Idempotent-Replayed: true</code>) and sends nothing again; the same key with another body is a 409.</p>
        <p>Errors are RFC 9457 problem details (<code>application/problem+json</code>); branch on the <code>type</code>, listed at the end of this page. Each key may make a limited number of requests per second; beyond it the answer is 429 with <code>Retry-After</code>.</p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`curl -X POST ${appUrl}/api/v1/messages \\
  -H "Authorization: Bearer $SMS_API_KEY" \\
  -H "Idempotency-Key: order-1001" \\
  -H "Content-Type: application/json" \\
  -d '{"to": "+31612345678", "text": "Your order has shipped"}'`}</pre>
      </section>

      {doc.tags.map(({ name }) => (
        <section key={name} className="mt-8" aria-labelledby={`tag-${name}`}>
          <h2 id={`tag-${name}`} className="text-lg font-medium">{name}</h2>
          <div className="mt-3 space-y-4">
            {operations.filter(({ op }) => op.tags.includes(name)).map(({ path, method, op }) => (
              <article key={op.operationId} id={op.operationId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`operation-${op.operationId}`}>
                <h3 className="font-mono text-sm"><span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-semibold">{method}</span>/api/v1{path}</h3>
                <p className="mt-1 text-sm font-medium">{op.summary}</p>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{op.description}</p>
                {op.parameters.some((p) => p.in === "query") && (
                  <SchemaFields caption="Query parameters" schema={{ properties: Object.fromEntries(op.parameters.filter((p) => p.in === "query").map((p) => [p.name!, { ...(p as { schema?: object }).schema, description: p.description }])) }} />
                )}
                {op.requestBody && <SchemaFields caption="Request body" schema={schemaOf(op.requestBody.content["application/json"].schema.$ref)} />}
                {Object.entries(op.responses).filter(([status]) => status.startsWith("2")).map(([status, response]) => (
                  <div key={status}>
                    <p className="mt-2 text-sm"><span className="font-mono">{status}</span>: {response.description}</p>
                    {response.content?.["application/json"] && <SchemaFields caption="Response" schema={schemaOf(response.content["application/json"].schema.$ref)} />}
                  </div>
                ))}
              </article>
            ))}
          </div>
        </section>
      ))}

      <section className="mt-8" aria-labelledby="problems">
        <h2 id="problems" className="text-lg font-medium">Problem types</h2>
        <dl className="mt-3 space-y-2 text-sm">
          {doc["x-problem-types"].map((p) => (
            <div key={p.slug} id={`problem-${p.slug}`} className="rounded border border-slate-200 bg-white p-3">
              <dt className="font-mono">{p.status} {p.slug}</dt>
              <dd className="text-slate-600">{p.title}. {p.description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
