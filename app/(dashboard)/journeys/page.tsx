import { Archive, Route } from "lucide-react";
import type { Metadata } from "next";
import { JourneysTable } from "@/components/journeys/journeys-table";
import { NewJourneyDialog } from "@/components/journeys/new-journey-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { ShowArchivedToggle } from "@/components/show-archived-toggle";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listJourneysQuerySchema } from "@/lib/journeys";
import { listJourneys } from "@/lib/journeys/server";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole(PERMISSIONS["journeys:read"]);
  // A hand-edited query shows the default list rather than an error page.
  const showArchived = listJourneysQuerySchema.safeParse(await searchParams).data?.archived === "show";
  const all = await listJourneys(actor.workspaceId, { archived: true });
  const journeys = showArchived ? all : all.filter((j) => j.status !== "archived");
  const editor = can(actor.role, "journeys:edit");
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Sequences that move each person along over time: waits, sends and splits, started by what they do."
        actions={editor && <NewJourneyDialog />}
      />
      <Card>
        <CardContent className="space-y-4 pt-6">
          {all.length > 0 && <ShowArchivedToggle shown={showArchived} />}
          {all.length > 0 && journeys.length === 0 ? (
            <EmptyState
              icon={Archive}
              title="Every journey is archived"
              description="Archived journeys take no one in and stay out of this list; tick “Show archived” to see them."
            />
          ) : journeys.length === 0 ? (
            <EmptyState
              icon={Route}
              title="No journeys yet"
              description={
                <>
                  A journey follows each person step by step after something they do: a <b>welcome series</b> after
                  sign-up (a push, then an e-mail to those who have not opened the app), <b>cart recovery</b> when a
                  cart is left (a reminder after an hour, a discount a day later), a <b>win-back</b> when someone goes
                  quiet. It waits, splits on what they did and sends — and stops when they reach the goal.
                  {!editor && " Marketers build journeys; you will see each step's figures here."}
                </>
              }
              action={editor ? <NewJourneyDialog /> : undefined}
            />
          ) : (
            <JourneysTable journeys={journeys} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
