import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { NewTemplateForm } from "@/components/templates/new-template-form";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await requirePageRole(PERMISSIONS["templates:edit"]);
  return (
    <>
      <PageHeader
        title="New template"
        description={
          "Name it and pick its channel; the editor opens on starter content you can change, and " +
          "nothing is sent until a campaign uses it."
        }
      />
      <NewTemplateForm />
    </>
  );
}
