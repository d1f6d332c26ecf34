import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { PERMISSIONS } from "@/lib/auth/roles";
import { AppError } from "@/lib/http/errors";
import { getSegment, listSegments } from "@/lib/segments";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["segments:edit"]);
  const { segmentId } = await params;
  const segment = await getSegment(actor.workspaceId, segmentId).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  if (!segment.definition) redirect(`/segments/${segmentId}`);
  const segments = await listSegments(actor.workspaceId);
  return (
    <>
      <PageHeader title={`Edit “${segment.name}”`} description="Saving recounts the segment and records its size." />
      <SegmentBuilder
        readOnly={false}
        segments={segments.map(({ id, name }) => ({ id, name }))}
        initial={{ id: segment.id, name: segment.name, description: segment.description, root: segment.definition.root }}
      />
    </>
  );
}
