import { Download } from "lucide-react";
import type { Metadata } from "next";
import { Suspense } from "react";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { ExperimentEditor } from "@/components/experiments/experiment-editor";
import { ExperimentReadoutView } from "@/components/experiments/readout/experiment-readout-view";
import { STATUS_LABEL } from "@/components/experiments/format";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { draftOf, editorOptions, getExperiment, getReadout } from "@/lib/experiments/server";

export const metadata: Metadata = { title: "Experiment" };

export default async function ExperimentPage({ params }: { params: Promise<{ experimentId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["experiments:read"]);
  const { experimentId } = await params;
  const experiment = await orNotFound(getExperiment(actor.workspaceId, experimentId));
  const status = (
    <Badge
      variant={experiment.status === "running" ? "default" : experiment.status === "draft" ? "outline" : "secondary"}
    >
      {STATUS_LABEL[experiment.status]}
    </Badge>
  );
  if (experiment.status === "draft") {
    const editor = can(actor.role, "experiments:edit");
    return (
      <>
        <PageHeader
          title={experiment.name}
          description={
            editor
              ? "Draft: change anything until you launch. Launching sends the campaign and fixes the design."
              : "Draft: a marketer is still designing this experiment."
          }
          actions={status}
        />
        {editor ? (
          <ExperimentEditor
            options={await editorOptions(actor.workspaceId)}
            initial={draftOf(experiment)}
            experimentId={experiment.id}
          />
        ) : (
          <Card>
            <CardContent className="pt-6 text-sm text-muted-foreground">
              Results appear here once the experiment is launched and its first profiles are exposed.
            </CardContent>
          </Card>
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={experiment.name}
        description={experiment.hypothesis || undefined}
        actions={
          <div className="flex items-center gap-2">
            {status}
            <Button variant="outline" asChild>
              <a href={`/api/experiments/${experiment.id}/export`} download>
                <Download className="size-4" aria-hidden /> Export CSV
              </a>
            </Button>
          </div>
        }
      />
      {/* The header and actions at once; the readout streams in when its statistics are read. */}
      <Suspense fallback={<ReadoutLoading />}>
        <Readout
          workspaceId={actor.workspaceId}
          experimentId={experimentId}
          canConclude={can(actor.role, "experiments:conclude")}
        />
      </Suspense>
    </>
  );
}

async function Readout({
  workspaceId,
  experimentId,
  canConclude,
}: {
  workspaceId: string;
  experimentId: string;
  canConclude: boolean;
}) {
  const readout = await getReadout(workspaceId, experimentId, { breakdowns: "cached" });
  return <ExperimentReadoutView readout={readout} canConclude={canConclude} />;
}

function ReadoutLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="text-sm text-muted-foreground">Reading the results…</p>
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
