import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { TemplateForm } from "@/components/templates/template-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS } from "@/lib/auth/roles";
import { CONTACT_FIELDS } from "@/lib/campaigns/merge-fields";
import { db } from "@/lib/db/client";
import { customFieldKeys } from "@/lib/templates/manage-templates";
import { createTemplateAction } from "../actions";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await requirePageUser(EDITORS);
  const mergeFields = [...CONTACT_FIELDS, ...(await customFieldKeys(db()))];
  return (
    <>
      <PageHeader title="New template" description="A message you can reuse in campaigns." />
      <TemplateForm mergeFields={mergeFields} submitLabel="Save template" save={createTemplateAction} />
    </>
  );
}
