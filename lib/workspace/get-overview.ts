import { db } from "@/lib/db/client";
import { addMonthsUtc } from "@/lib/personas/freshness";
import { STALE_AFTER_MONTHS } from "@/lib/personas/schema";

/** What the home page needs to tell a workspace where it stands. */
export async function getWorkspaceOverview(workspaceId: string) {
  const [activeMembers, auditEntries, segments, personas, stalePersonas, templates, workspace] = await Promise.all([
    db.member.count({ where: { workspaceId, deactivatedAt: null } }),
    db.auditLog.count({ where: { workspaceId } }),
    db.segment.count({ where: { workspaceId } }),
    db.persona.count({ where: { workspaceId } }),
    db.persona.count({
      where: {
        workspaceId,
        OR: [{ validatedAt: null }, { validatedAt: { lte: addMonthsUtc(new Date(), -STALE_AFTER_MONTHS) } }],
      },
    }),
    db.template.count({ where: { workspaceId } }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
  ]);
  return {
    activeMembers,
    auditEntries,
    segments,
    personas,
    stalePersonas,
    templates,
    isDemo: workspace.isDemo,
    createdAt: workspace.createdAt.toISOString(),
  };
}
