import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/http/errors";
import { INVITATION_DAYS, invitationPath, newInvitationToken } from "./invitation-token";
import type { AddMemberInput } from "./schema";

export type InvitationRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
};

const pending = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/**
 * Invites someone to the workspace and returns the link, shown once. The answer is the same whether
 * or not the e-mail has an account in another workspace: an admin learns nothing about other
 * tenants' users (an existing account accepts by signing in; a new one is created from the link).
 * Inviting the same e-mail again replaces the earlier link.
 */
export async function inviteMember(actor: Actor, input: AddMemberInput) {
  const here = await db.member.findFirst({ where: { workspaceId: actor.workspaceId, user: { email: input.email } } });
  if (here) {
    throw conflict(
      here.deactivatedAt
        ? `${input.email} is a deactivated member of this workspace: reactivate them instead.`
        : `${input.email} is already a member of this workspace.`,
      "email",
    );
  }
  const { token, tokenHash } = newInvitationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { workspaceId: actor.workspaceId, email: input.email, ...pending(now) },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash,
        invitedById: actor.userId,
        expiresAt,
      },
    });
    await recordAudit(tx, actor, {
      action: "member.invited",
      entityType: "invitation",
      entityId: created.id,
      after: {
        email: created.email,
        name: created.name,
        role: created.role,
        expiresAt: created.expiresAt.toISOString(),
      },
    });
    return created;
  });
  return { invitation: toRow(invitation), invitePath: invitationPath(token) };
}

/** The workspace's invitations that can still be accepted, newest first. */
export async function listInvitations(workspaceId: string): Promise<InvitationRow[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId, ...pending(new Date()) },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toRow);
}

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: actor.workspaceId, ...pending(new Date()) },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound("A pending invitation with this id");
    await recordAudit(tx, actor, {
      action: "member.invitation_revoked",
      entityType: "invitation",
      entityId: invitationId,
    });
  });
}

function toRow(row: {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
}): InvitationRow {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
