import { Archive, Filter, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { SegmentsTable } from "@/components/segments/segments-table";
import { ShowArchivedToggle } from "@/components/show-archived-toggle";
import { StaticSegmentDialog } from "@/components/segments/static-segment-dialog";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { archivedQuerySchema } from "@/lib/segments";
import { listSegments } from "@/lib/segments/server";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole(PERMISSIONS["segments:read"]);
  // A hand-edited query shows the default list rather than an error page.
  const showArchived = archivedQuerySchema.safeParse(await searchParams).data?.archived === "show";
  const all = await listSegments(actor.workspaceId, { archived: true });
  const segments = showArchived ? all : all.filter((s) => s.archivedAt === null);
  const editor = can(actor.role, "segments:edit");
  const create = (
    <Button asChild>
      <Link href="/segments/new">
        <Plus className="size-4" aria-hidden /> New segment
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title="Segments"
        description="Audiences defined by traits, behaviour and reachability — counted live, explained per person."
        actions={
          editor && (
            <div className="flex gap-2">
              <StaticSegmentDialog />
              {create}
            </div>
          )
        }
      />
      <Card>
        <CardContent className="space-y-4 pt-6">
          {all.length > 0 && <ShowArchivedToggle shown={showArchived} />}
          {all.length > 0 && segments.length === 0 ? (
            <EmptyState
              icon={Archive}
              title="Every segment is archived"
              description={
                "Archived segments stay out of pickers and this list; tick “Show archived” to see them and " +
                "bring one back."
              }
            />
          ) : segments.length === 0 ? (
            <EmptyState
              icon={Filter}
              title="No segments yet"
              description={
                editor
                  ? "A segment is a live audience: for example, people in Germany who added to cart twice this " +
                    "week and have not purchased. Build one with conditions, or upload a CSV of user ids."
                  : "Marketers build segments here; you will see them, their sizes and why any person is in them."
              }
              action={editor && create}
            />
          ) : (
            <SegmentsTable segments={segments} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
