import type { Metadata } from "next";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { PersonaEditor } from "@/components/personas/persona-editor";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { getPersona } from "@/lib/personas/server";
import { STORY_KEYS } from "@/lib/personas";
import { listSegments } from "@/lib/segments/server";

export const metadata: Metadata = { title: "Edit persona" };

export default async function EditPersonaPage({ params }: { params: Promise<{ personaId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["personas:edit"]);
  const { personaId } = await params;
  const persona = await orNotFound(getPersona(actor.workspaceId, personaId));
  // Archived ones too: the bound segment may be one (the picker offers them no further).
  const segments = await listSegments(actor.workspaceId, { archived: true });
  const story = Object.fromEntries(STORY_KEYS.map((key) => [key, persona[key]])) as Pick<
    typeof persona,
    (typeof STORY_KEYS)[number]
  >;
  return (
    <>
      <PageHeader
        title={`Edit “${persona.name}”`}
        description="Changes save as you type; every change is recorded in the audit log."
      />
      <PersonaEditor
        personaId={persona.id}
        initial={story}
        hasAvatarImage={persona.hasAvatarImage}
        segments={segments.map(({ id, name, size, archivedAt }) => ({ id, name, size, archived: archivedAt !== null }))}
      />
    </>
  );
}
