import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { SubPersonaForm } from "@/components/personas/sub-persona-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { getPersona } from "@/lib/personas/server";
import { listSegments } from "@/lib/segments/server";

export const metadata: Metadata = { title: "New sub-persona" };

export default async function NewSubPersonaPage({ params }: { params: Promise<{ personaId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["personas:edit"]);
  const { personaId } = await params;
  const parent = await orNotFound(getPersona(actor.workspaceId, personaId));
  if (!parent.segment) redirect(`/personas/${personaId}/edit`);
  // Archived ones too: the parent's segment, which the builder starts from, may be one.
  const segments = (await listSegments(actor.workspaceId, { archived: true })).map(({ id, name, archivedAt }) => ({
    id,
    name,
    archived: archivedAt !== null,
  }));
  return (
    <>
      <PageHeader
        title={`New sub-persona of “${parent.name}”`}
        description={`Starts as everyone in “${parent.segment.name}”; add the conditions that set this group apart.`}
      />
      <SubPersonaForm parent={{ id: parent.id, name: parent.name, segmentId: parent.segment.id }} segments={segments} />
    </>
  );
}
