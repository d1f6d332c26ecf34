import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { PERMISSIONS } from "@/lib/auth/roles";
import { TemplatePlayground } from "./template-playground";

export const metadata: Metadata = { title: "Template playground" };

// A development page for the template editors and previews; the real editor pages replace it.
export default async function TemplatePlaygroundPage() {
  await requirePageRole(PERMISSIONS["segments:edit"]);
  return (
    <>
      <PageHeader title="Template playground" description="Every channel's editor and device previews on sample content. Previews show the Liquid source as written; findings are samples." />
      <TemplatePlayground />
    </>
  );
}
