import type { Metadata } from "next";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { ArchiveDialog } from "@/components/archive-dialog";
import { ArchivedBadge } from "@/components/archived-badge";
import { DeleteDialog } from "@/components/delete-dialog";
import { formatUtc } from "@/components/format-time";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateEditor } from "@/components/templates/template-editor";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { db } from "@/lib/db/server";
import { listSegments } from "@/lib/segments/server";
import { CHANNEL_SPECS } from "@/lib/templates";
import { findTemplateDependents, getTemplate } from "@/lib/templates/server";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["templates:read"]);
  const { templateId } = await params;
  const template = await orNotFound(getTemplate(actor.workspaceId, templateId));
  const working = template.draft ?? template.published;
  const editor = can(actor.role, "templates:edit");
  // Preview audiences leave archived ones out, like every picker; only editors see what uses the template.
  const [segments, personas, dependents] = await Promise.all([
    listSegments(actor.workspaceId),
    db.persona.findMany({
      where: { workspaceId: actor.workspaceId, segmentId: { not: null }, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    editor ? findTemplateDependents(actor.workspaceId, template.id) : [],
  ]);
  return (
    <>
      <PageHeader
        title={template.name}
        description={
          `${CHANNEL_SPECS[template.channel].label} ` +
          `template${template.description ? ` · ${template.description}` : ""}`
        }
        actions={
          editor && (
            <div className="flex gap-2">
              <ArchiveDialog
                url={`/api/templates/${template.id}/archive`}
                name={template.name}
                what="template"
                archived={template.archivedAt !== null}
                dependents={dependents}
              />
              <DeleteDialog
                url={`/api/templates/${template.id}`}
                name={template.name}
                what="template"
                then="/templates"
                consequence="Its versions go; test messages in the outbox stay. The audit log keeps a record."
                dependents={dependents}
                archiveUrl={template.archivedAt ? undefined : `/api/templates/${template.id}/archive`}
              />
            </div>
          )
        }
      />
      {template.archivedAt && (
        <p className="-mt-4 mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
          <ArchivedBadge />
          <span>
            archived {formatUtc(template.archivedAt)}
            {template.archivedBy && ` by ${template.archivedBy}`} · campaigns and experiments no longer offer it
          </span>
        </p>
      )}
      <TemplateEditor
        // Keyed by template only: a publish or the draft it starts must not reset the open editor
        // (a restore navigates here afresh).
        key={template.id}
        canEdit={editor}
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
