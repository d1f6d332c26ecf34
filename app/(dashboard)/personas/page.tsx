import { Plus, UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PersonaGallery } from "@/components/personas/persona-gallery";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listPersonas } from "@/lib/personas/server";
import { galleryFiltersSchema, galleryView } from "@/lib/personas";

export const metadata: Metadata = { title: "Personas" };

export default async function PersonasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole(PERMISSIONS["personas:read"]);
  const filters = galleryFiltersSchema.parse(await searchParams);
  // Archived ones too: the gallery hides them unless asked, and a sub-persona still names its archived parent.
  const personas = await listPersonas(actor.workspaceId, { archived: true });
  const editor = can(actor.role, "personas:edit");
  const create = (
    <Button asChild>
      <Link href="/personas/new">
        <Plus className="size-4" aria-hidden /> New persona
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Personas"
        description={
          "The people we design and write for — each tied to a live segment, so the story is checked " +
          "against real customers."
        }
        actions={editor && create}
      />
      {personas.length === 0 ? (
        <EmptyState
          icon={UsersRound}
          title="No personas yet"
          description={
            editor
              ? "A persona is a short story about one kind of customer — goals, pain points, the tone that " +
                "reaches them — bound to a segment, so Tailor can check its assumptions against real data " +
                "and tell you when it goes stale."
              : "Product managers write personas here: who a kind of customer is, what they want, and which " +
                "segment they stand for. Once they do, you will see each one with its live audience and " +
                "whether its story still holds."
          }
          action={editor && create}
        />
      ) : (
        <PersonaGallery view={galleryView(personas, filters)} filters={filters} />
      )}
    </>
  );
}
