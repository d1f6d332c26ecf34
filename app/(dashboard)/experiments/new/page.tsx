import type { Metadata } from "next";
import { ExperimentEditor } from "@/components/experiments/experiment-editor";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { editorOptions } from "@/lib/experiments/server";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage() {
  const actor = await requirePageRole(PERMISSIONS["experiments:edit"]);
  return (
    <>
      <PageHeader
        title="New experiment"
        description={
          "Creates a draft experiment and the draft campaign that will send it; nothing is sent until " + "you launch."
        }
      />
      <ExperimentEditor options={await editorOptions(actor.workspaceId)} />
    </>
  );
}
