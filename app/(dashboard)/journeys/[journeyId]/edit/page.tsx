import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JourneyBuilder } from "@/components/journeys/builder/journey-builder";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { starterJourney } from "@/lib/journeys";
import { getJourney, getJourneyVersion } from "@/lib/journeys/server";
import { listSegments } from "@/lib/segments/server";
import { listTemplates } from "@/lib/templates/server";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Edit journey" };

export default async function EditJourneyPage({ params }: { params: Promise<{ journeyId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["journeys:edit"]);
  const journey = await orNotFound(getJourney(actor.workspaceId, (await params).journeyId));
  // An archived journey takes no more drafts (the API answers 409): its page shows what it was.
  if (journey.status === "archived") redirect(`/journeys/${journey.id}`);
  const [current, templates, segments] = await Promise.all([
    journey.version === null ? null : getJourneyVersion(actor.workspaceId, journey.id, journey.version),
    // Archived ones too, so a step naming one still reads by name; only published, unarchived ones are offered.
    listTemplates(actor.workspaceId, { archived: "show" }),
    listSegments(actor.workspaceId, { archived: true }),
  ]);
  const published = current ? { version: current.version, definition: current.definition } : null;
  return (
    <>
      <PageHeader
        title={`Edit “${journey.name}”`}
        description="Changes are saved as a draft as you make them; people only meet them once you publish."
      />
      <JourneyBuilder
        journeyId={journey.id}
        initial={journey.draft ?? published?.definition ?? starterJourney()}
        published={published}
        templates={templates
          .filter((t) => t.lastPublished !== null && t.archivedAt === null)
          .map((t) => ({ id: t.id, name: t.name, channel: t.channel }))}
        templateNames={Object.fromEntries(templates.map((t) => [t.id, { name: t.name, channel: t.channel }]))}
        segments={segments.map(({ id, name, archivedAt }) => ({ id, name, archived: archivedAt !== null }))}
      />
    </>
  );
}
