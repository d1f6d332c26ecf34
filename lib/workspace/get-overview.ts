import { db } from "@/lib/db";

/** What the home page needs to tell a workspace where it stands. */
export async function getWorkspaceOverview(workspaceId: string) {
  const [activeMembers, auditEntries, segments, workspace] = await Promise.all([
    db.member.count({ where: { workspaceId, deactivatedAt: null } }),
    db.auditLog.count({ where: { workspaceId } }),
    db.segment.count({ where: { workspaceId } }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
  ]);
  return { activeMembers, auditEntries, segments, isDemo: workspace.isDemo, createdAt: workspace.createdAt.toISOString() };
}
