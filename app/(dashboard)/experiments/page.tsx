import { FlaskConical, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentsTable } from "@/components/experiments/experiments-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listExperiments } from "@/lib/experiments/server";

export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  const actor = await requirePageRole(PERMISSIONS["experiments:read"]);
  const experiments = await listExperiments(actor.workspaceId);
  const editor = can(actor.role, "experiments:edit");
  const create = (
    <Button asChild>
      <Link href="/experiments/new">
        <Plus className="size-4" aria-hidden /> New experiment
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Experiments"
        description={
          "A/B tests of messages with a holdout that gets nothing: marketers design and launch them, " +
          "analysts read the results and sign them off."
        }
        actions={editor && create}
      />
      <Card>
        <CardContent className="pt-6">
          {experiments.length > 0 ? (
            <ExperimentsTable experiments={experiments} />
          ) : (
            <EmptyState
              icon={FlaskConical}
              title="No experiments yet"
              description={
                editor
                  ? "An experiment sends two or more template versions (or send times) to random parts of an " +
                    "audience and keeps a holdout that gets nothing, so you learn what the message itself did. " +
                    "Size it with the calculator before launching."
                  : "Marketers set up experiments here. Once one runs, you will see its lift with confidence " +
                    "intervals, a sample-ratio check and a plain decision, and analysts can conclude it."
              }
              action={editor && create}
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
