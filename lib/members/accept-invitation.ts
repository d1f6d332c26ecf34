import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict, notFound } from "@/lib/http/errors";
import { hashInvitationToken } from "./invitation-token";
import type { JoinWithNewAccountInput } from "./schema";

/** What the invitation page shows; `null` when the link is unknown, used, revoked or expired. */
export type InvitationView = {
  id: string;
  email: string;
  name: string;
  role: Role;
  workspaceName: string;
  expiresAt: string;
};

const gone = () =>
  new AppError(
    410,
    "invitation_gone",
    "This invitation link has expired or was withdrawn: ask your admin for a new one.",
    "token",
  );

async function pendingByToken(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

export async function invitationForToken(token: string): Promise<InvitationView | null> {
  const invitation = await pendingByToken(token);
  if (!invitation) return null;
  const { id, email, name, role, workspace, expiresAt } = invitation;
  return { id, email, name, role, workspaceName: workspace.name, expiresAt: expiresAt.toISOString() };
}

/** Marks the invitation used inside `tx`; false when another request used or withdrew it first. */
async function claim(tx: Tx, invitationId: string): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  return count === 1;
}

/**
 * Creates the invitee's account from the link and makes them a member; returns the e-mail to sign
 * in with. An e-mail that already has an account joins by signing in instead (`acceptInvitation`):
 * its password is never set from a link an admin has held.
 */
export async function joinWithNewAccount(input: JoinWithNewAccountInput): Promise<{ email: string }> {
  const invitation = await pendingByToken(input.token);
  if (!invitation) throw gone();
  const accountExists = () =>
    conflict("This e-mail already has a Tailor account: sign in with it to accept the invitation.", "email");
  if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw accountExists();
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      if (!(await claim(tx, invitation.id))) throw gone();
      const user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash } });
      const member = await tx.member.create({
        data: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
      });
      await recordAudit(
        tx,
        { workspaceId: invitation.workspaceId, userId: user.id, email: user.email },
        {
          action: "member.added",
          entityType: "member",
          entityId: member.id,
          after: { email: user.email, name: user.name, role: member.role, invitationId: invitation.id },
        },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw accountExists();
    throw error;
  }
  return { email: invitation.email };
}

/**
 * The signed-in user accepts an invitation sent to their e-mail (from the link or the workspace
 * menu); returns the new membership's id so the session can move to it.
 */
export async function acceptInvitation(
  actor: Actor,
  invitationId: string,
): Promise<{ memberId: string; workspaceId: string; role: Role; workspaceName: string }> {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, email: actor.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { workspace: true },
  });
  if (!invitation) throw notFound("An invitation for you with this id");
  const existing = await db.member.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: actor.userId } },
  });
  if (existing?.deactivatedAt)
    throw conflict(`Your membership of ${invitation.workspace.name} was deactivated: ask its admin to reactivate it.`);
  const { memberId, role } = await db.$transaction(async (tx) => {
    if (!(await claim(tx, invitation.id))) throw gone();
    if (existing) return { memberId: existing.id, role: existing.role };
    const member = await tx.member.create({
      data: { workspaceId: invitation.workspaceId, userId: actor.userId, role: invitation.role },
    });
    await recordAudit(
      tx,
      { workspaceId: invitation.workspaceId, userId: actor.userId, email: actor.email },
      {
        action: "member.added",
        entityType: "member",
        entityId: member.id,
        after: { email: actor.email, name: actor.name, role: member.role, invitationId: invitation.id },
      },
    );
    return { memberId: member.id, role: member.role };
  });
  return { memberId, workspaceId: invitation.workspaceId, role, workspaceName: invitation.workspace.name };
}
