import type { Metadata } from "next";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateEditor } from "@/components/templates/template-editor";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { can, PERMISSIONS } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listSegments } from "@/lib/segments";
import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { getTemplate } from "@/lib/templates/server";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["templates:read"]);
  const { templateId } = await params;
  const template = await orNotFound(getTemplate(actor.workspaceId, templateId));
  const working = template.draft ?? template.published;
  const [segments, personas] = await Promise.all([
    listSegments(actor.workspaceId),
    db.persona.findMany({ where: { workspaceId: actor.workspaceId, segmentId: { not: null } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <>
      <PageHeader title={template.name} description={`${CHANNEL_SPECS[template.channel].label} template${template.description ? ` · ${template.description}` : ""}`} />
      <TemplateEditor
        // Keyed by template only: a publish or the draft it starts must not reset the open editor
        // (a restore navigates here afresh).
        key={template.id}
        canEdit={can(actor.role, "templates:edit")}
        segments={segments.map(({ id, name }) => ({ id, name }))}
        personas={personas}
        template={{
          id: template.id,
          name: template.name,
          channel: template.channel,
          content: working!.content,
          triggerEvent: template.triggerEvent,
          draftVersion: template.draft?.version ?? null,
          publishedVersion: template.published?.version ?? null,
        }}
      />
    </>
  );
}
