import { db } from "@/lib/db/client";
import { loadPolicy } from "@/lib/delivery/policy/load-policy";

/** What the campaign form offers: audiences, templates (published or not) and the policy's topics. */
export async function campaignFormOptions(workspaceId: string) {
  const [segments, personas, templates, policy] = await Promise.all([
    db.segment.findMany({
      where: { workspaceId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.persona.findMany({
      where: { workspaceId, archivedAt: null },
      select: { id: true, name: true, segmentId: true },
      orderBy: { name: "asc" },
    }),
    db.template.findMany({
      where: { workspaceId, archivedAt: null },
      select: {
        id: true,
        name: true,
        channel: true,
        triggerEvent: true,
        versions: { where: { status: "published" }, select: { id: true } },
      },
      orderBy: { name: "asc" },
    }),
    loadPolicy(workspaceId),
  ]);
  return {
    segments,
    personas: personas.map((p) => ({ id: p.id, name: p.name, bound: p.segmentId !== null })),
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      channel: t.channel,
      triggerEvent: t.triggerEvent,
      published: t.versions.length > 0,
    })),
    topics: policy.topics,
  };
}
