import { db } from "@/lib/db/client";
import type { Actor } from "./actor";

/**
 * Loads the member a session names; null once they are deactivated or removed, or when `epoch` is
 * given and the user's sessions have been revoked since it was issued.
 */
export async function loadActor(memberId: string, epoch?: number): Promise<Actor | null> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    include: { user: true, workspace: true },
  });
  if (!member || member.deactivatedAt) return null;
  if (epoch !== undefined && member.user.sessionEpoch !== epoch) return null;
  return {
    userId: member.userId,
    memberId: member.id,
    workspaceId: member.workspaceId,
    workspaceName: member.workspace.name,
    email: member.user.email,
    name: member.user.name,
    role: member.role,
    mustChangePassword: member.user.mustChangePassword,
  };
}
