import { db } from "@/lib/db/client";

/** What the experiment editor offers: templates with their non-draft versions, segments, personas. */
export async function editorOptions(workspaceId: string) {
  const [templates, segments, personas] = await Promise.all([
    db.template.findMany({
      where: { workspaceId, archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        channel: true,
        versions: {
          where: { status: { not: "draft" } },
          orderBy: { version: "desc" },
          select: { id: true, version: true, status: true },
        },
      },
    }),
    db.segment.findMany({
      where: { workspaceId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.persona.findMany({
      where: { workspaceId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, segmentId: true },
    }),
  ]);
  return {
    templates,
    segments,
    personas: personas.map((p) => ({ id: p.id, name: p.name, bound: p.segmentId !== null })),
  };
}
