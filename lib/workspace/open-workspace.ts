import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";

type WorkspaceData = { name: string; isDemo?: boolean; currency?: string; createdAt?: Date };

/**
 * A new workspace with `admin` as its first admin, both audited, inside the caller's transaction.
 * `memberSince` orders memberships when one user opens several (sign-in opens the oldest).
 */
export async function openWorkspace(
  tx: Tx,
  data: WorkspaceData,
  admin: { id: string; email: string },
  memberSince?: Date,
) {
  const workspace = await tx.workspace.create({ data });
  const member = await tx.member.create({
    data: {
      workspaceId: workspace.id,
      userId: admin.id,
      role: "admin",
      ...(memberSince ? { createdAt: memberSince } : {}),
    },
  });
  const actor = { workspaceId: workspace.id, userId: admin.id, email: admin.email };
  await recordAudit(tx, actor, {
    action: "workspace.created",
    entityType: "workspace",
    entityId: workspace.id,
    after: { name: workspace.name },
  });
  await recordAudit(tx, actor, {
    action: "member.added",
    entityType: "member",
    entityId: member.id,
    after: { email: admin.email, role: "admin" },
  });
  return { workspace, member, actor };
}
