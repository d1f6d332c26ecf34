import { FilePen, Pencil, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { Metadata } from "next";
import { formatUtc } from "@/components/format-time";
import { JourneyActions } from "@/components/journeys/journey-actions";
import { JourneyFlow } from "@/components/journeys/journey-flow";
import { JourneyFunnelTable } from "@/components/journeys/journey-funnel-table";
import { JourneyGoalCard } from "@/components/journeys/journey-goal-card";
import { JourneyStatusBadge } from "@/components/journeys/journey-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { unrunEntryTrigger } from "@/lib/journeys";
import { getJourney, getJourneyVersion, journeyStats } from "@/lib/journeys/server";
import { listTemplates } from "@/lib/templates/server";
import { orNotFound } from "../../or-not-found";

export const metadata: Metadata = { title: "Journey" };

const UNRUN_WORDS = {
  segment: "joining a segment",
  persona: "matching a persona",
  schedule: "a schedule",
} as const;

export default async function JourneyPage({ params }: { params: Promise<{ journeyId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["journeys:read"]);
  const journey = await orNotFound(getJourney(actor.workspaceId, (await params).journeyId));
  const editor = can(actor.role, "journeys:edit");
  const published = journey.version !== null;
  const [current, stats, templates] = await Promise.all([
    published ? getJourneyVersion(actor.workspaceId, journey.id, journey.version!) : null,
    published ? journeyStats(actor.workspaceId, journey.id) : null,
    // Archived ones too: a published version keeps sending the template it was published with.
    listTemplates(actor.workspaceId, { archived: "show" }),
  ]);
  const definition = current?.definition ?? journey.draft;
  const unrun = current ? unrunEntryTrigger(current.definition) : null;
  const latest = journey.versions[0];
  return (
    <>
      <PageHeader
        title={journey.name}
        description={
          published
            ? `Version ${journey.version}, published ${formatUtc(latest?.publishedAt)} by ${latest?.publishedBy}.`
            : "Not published yet: nobody enters it."
        }
        actions={
          editor && (
            <div className="flex flex-wrap gap-2">
              {journey.status !== "archived" && (
                <Button asChild variant="outline">
                  <Link href={`/journeys/${journey.id}/edit`}>
                    <Pencil className="size-4" aria-hidden /> Edit
                  </Link>
                </Button>
              )}
              <JourneyActions journeyId={journey.id} name={journey.name} status={journey.status} />
            </div>
          )
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <JourneyStatusBadge status={journey.status} />
        <span>{published ? `v${journey.version}` : "no version yet"}</span>
        <span>Created by {journey.createdBy}</span>
        <span>Last changed {formatUtc(journey.updatedAt)}</span>
      </div>
      {published && unrun && journey.status !== "archived" && (
        <Alert variant="warning" className="mb-6">
          <TriangleAlert aria-hidden />
          <AlertTitle>Nobody new enters this journey yet</AlertTitle>
          <AlertDescription>
            It enters people on {UNRUN_WORDS[unrun]}, and this version of Tailor runs only event entries: the figures
            below are what it has done so far, and people already in go on through their steps.
          </AlertDescription>
        </Alert>
      )}
      {!published && (
        <Card className="mb-6">
          <CardContent className="pt-6">
            <EmptyState
              icon={FilePen}
              title="Draft — not published yet"
              description={
                definition
                  ? "Below is the saved draft. Once it is published, people enter it on its trigger and each step shows how many are in it, passed it and left there."
                  : "It has no steps yet. Once its steps are saved and published, people enter it on its trigger and this page shows each step with its live figures."
              }
            />
          </CardContent>
        </Card>
      )}
      {definition && (
        <JourneyFlow
          journeyId={journey.id}
          definition={definition}
          templates={Object.fromEntries(templates.map((t) => [t.id, { name: t.name, channel: t.channel }]))}
          initialStats={stats}
        />
      )}
      {current && stats && (
        <div className="mt-6 grid gap-6">
          <JourneyGoalCard journeyId={journey.id} definition={current.definition} initialStats={stats} />
          <JourneyFunnelTable journeyId={journey.id} definition={current.definition} initialStats={stats} />
        </div>
      )}
    </>
  );
}
