import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SegmentCounter } from "@/components/composer/segment-counter";
import { PageHeader } from "@/components/page-header";
import { TemplateForm } from "@/components/templates/template-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { CONTACT_FIELDS } from "@/lib/campaigns/merge-fields";
import { db } from "@/lib/db/client";
import { customFieldKeys } from "@/lib/templates/manage-templates";
import type { TemplateInput } from "@/lib/templates/template.schema";
import { updateTemplateAction } from "../actions";

export const metadata: Metadata = { title: "Template" };

/** Editors edit the template here; managers read it. */
export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(READERS);
  const id = Number((await params).id);
  const template = Number.isInteger(id) && id > 0 ? await db().template.findUnique({ where: { id } }) : null;
  if (!template) notFound();
  const back = <Link href="/templates" className="text-sm text-brand-600 underline">Back to templates</Link>;
  if (!hasRole(user.role, EDITORS)) {
    return (
      <>
        <PageHeader title={template.name} actions={back} />
        <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-sm font-medium text-slate-700">Message</h2>
          <p className="mt-1 whitespace-pre-wrap font-mono text-sm" data-testid="template-body">{template.body}</p>
          <SegmentCounter text={template.body} />
        </section>
      </>
    );
  }
  const mergeFields = [...CONTACT_FIELDS, ...(await customFieldKeys(db()))];
  const save = async (input: TemplateInput) => {
    "use server";
    return updateTemplateAction({ id, ...input });
  };
  return (
    <>
      <PageHeader title={`Edit “${template.name}”`} actions={back} />
      <TemplateForm initial={{ name: template.name, body: template.body }} mergeFields={mergeFields} submitLabel="Save changes" save={save} />
    </>
  );
}
