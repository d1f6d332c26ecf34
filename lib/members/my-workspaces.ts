import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { notFound } from "@/lib/http/errors";

export type MyWorkspaces = {
  workspaces: { memberId: string; workspaceId: string; name: string; role: Role; current: boolean }[];
  invitations: { id: string; workspaceName: string; role: Role; expiresAt: string }[];
};

/** The workspaces the signed-in user can switch to, and the invitations waiting for their e-mail. */
export async function myWorkspaces(actor: Actor): Promise<MyWorkspaces> {
  const [members, invitations] = await Promise.all([
    db.member.findMany({
      where: { userId: actor.userId, deactivatedAt: null },
      include: { workspace: true },
      orderBy: { createdAt: "asc" },
    }),
    db.invitation.findMany({
      where: {
        email: actor.email,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: new Date() },
        workspace: { members: { none: { userId: actor.userId } } },
      },
      include: { workspace: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    workspaces: members.map((m) => ({
      memberId: m.id,
      workspaceId: m.workspaceId,
      name: m.workspace.name,
      role: m.role,
      current: m.id === actor.memberId,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      workspaceName: i.workspace.name,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

/** The user's own active membership to move the session to; 404 for anyone else's. */
export async function membershipToSwitchTo(actor: Actor, memberId: string) {
  const member = await db.member.findFirst({
    where: { id: memberId, userId: actor.userId, deactivatedAt: null },
    include: { workspace: true },
  });
  if (!member) throw notFound("A workspace of yours with this id");
  return {
    memberId: member.id,
    workspaceId: member.workspaceId,
    role: member.role,
    workspaceName: member.workspace.name,
  };
}
