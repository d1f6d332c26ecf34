import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { CheckProfile } from "@/components/segments/check-profile";
import { ArchiveDialog } from "@/components/archive-dialog";
import { ArchivedBadge } from "@/components/archived-badge";
import { DeleteDialog } from "@/components/delete-dialog";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { SizeTrendChart } from "@/components/segments/size-trend-chart";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listPersonas } from "@/lib/personas/server";
import { findSegmentDependents, getSegment, listSegments } from "@/lib/segments/server";
import { type SegmentDefinition } from "@/lib/segments";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["segments:read"]);
  const { segmentId } = await params;
  const segment = await orNotFound(getSegment(actor.workspaceId, segmentId));
  // Archived ones too: a condition may still name them.
  const segments = (await listSegments(actor.workspaceId, { archived: true })).map(({ id, name, archivedAt }) => ({
    id,
    name,
    archived: archivedAt !== null,
  }));
  // Membership and persona conditions name their targets by id, in one record.
  const personas = await listPersonas(actor.workspaceId, { archived: true });
  const names = Object.fromEntries([...segments, ...personas].map((s) => [s.id, s.name]));
  const editor = can(actor.role, "segments:edit");
  // Only editors see the dialogs that list what uses the segment.
  const savedSize = segment.size?.toLocaleString("en") ?? "—";
  const dependents = editor ? await findSegmentDependents(actor.workspaceId, segment.id) : [];
  // A static segment is checked as "member of itself": the same explain path as any condition.
  const definition: SegmentDefinition = segment.definition ?? {
    version: 1,
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [{ kind: "membership", id: "members", segmentId: segment.id }],
    },
  };
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title={segment.name}
        description={segment.description || undefined}
        actions={
          editor && (
            <div className="flex gap-2">
              {segment.definition && (
                <Button asChild>
                  <Link href={`/segments/${segment.id}/edit`}>
                    <Pencil className="size-4" aria-hidden /> Edit
                  </Link>
                </Button>
              )}
              <ArchiveDialog
                url={`/api/segments/${segment.id}/archive`}
                name={segment.name}
                what="segment"
                archived={segment.archivedAt !== null}
                dependents={dependents}
              />
              <DeleteDialog
                url={`/api/segments/${segment.id}`}
                name={segment.name}
                what="segment"
                then="/segments"
                consequence={
                  "Its definition and size history go; profiles are not touched. The audit log keeps a " + "record."
                }
                dependents={dependents}
                archiveUrl={segment.archivedAt ? undefined : `/api/segments/${segment.id}/archive`}
              />
            </div>
          )
        }
      />
      <p className="-mt-4 mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
        {segment.archivedAt && <ArchivedBadge />}
        <Badge variant="secondary">{segment.kind}</Badge>
        <span>
          <span className="font-medium text-foreground tabular-nums">{savedSize}</span> profiles when last counted (
          {formatUtc(segment.sizedAt)})
        </span>
        <span>owner {segment.ownerEmail}</span>
        <span>updated {formatUtc(segment.updatedAt)}</span>
        {segment.archivedAt && (
          <span>
            archived {formatUtc(segment.archivedAt)}
            {segment.archivedBy && ` by ${segment.archivedBy}`}
          </span>
        )}
      </p>
      <div className="flex flex-col gap-6">
        {segment.definition ? (
          <SegmentBuilder
            readOnly
            segments={segments}
            initial={{
              id: segment.id,
              name: segment.name,
              description: segment.description,
              root: segment.definition.root,
            }}
          />
        ) : (
          <Card>
            <CardContent className="pt-6 text-sm text-muted-foreground">
              Members come from an uploaded CSV and stay fixed; upload a new file as a new segment to change them.
            </CardContent>
          </Card>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Size over time</CardTitle>
            </CardHeader>
            <CardContent>
              <SizeTrendChart snapshots={segment.snapshots} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Check a profile</CardTitle>
            </CardHeader>
            <CardContent>
              <CheckProfile
                definition={definition}
                segmentId={segment.definition ? segment.id : undefined}
                names={names}
              />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
