import type { Metadata } from "next";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { redirect } from "next/navigation";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { getSegment, listSegments } from "@/lib/segments/server";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["segments:edit"]);
  const { segmentId } = await params;
  const segment = await orNotFound(getSegment(actor.workspaceId, segmentId));
  if (!segment.definition) redirect(`/segments/${segmentId}`);
  // Archived ones too: a condition may still name them (the pickers offer them no further).
  const segments = await listSegments(actor.workspaceId, { archived: true });
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title={`Edit “${segment.name}”`}
        description="Saving recounts the segment and records its size."
      />
      <SegmentBuilder
        readOnly={false}
        segments={segments.map(({ id, name, archivedAt }) => ({ id, name, archived: archivedAt !== null }))}
        initial={{
          id: segment.id,
          name: segment.name,
          description: segment.description,
          root: segment.definition.root,
        }}
      />
    </>
  );
}
