import type { Metadata } from "next";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { listSegments } from "@/lib/segments/server";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage() {
  const actor = await requirePageRole(PERMISSIONS["segments:edit"]);
  const segments = await listSegments(actor.workspaceId);
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title="New segment"
        description="Combine conditions; every node shows how many people it matches as you edit."
      />
      <SegmentBuilder
        readOnly={false}
        segments={segments.map(({ id, name }) => ({ id, name }))}
        initial={{ name: "", description: "", root: { kind: "group", id: "root", op: "and", children: [] } }}
      />
    </>
  );
}
