import { db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeSessions } from "@/lib/auth/session-epoch";
import { conflict, notFound } from "@/lib/http/errors";
import type { UpdateMemberInput } from "./schema";

async function activeAdminsOtherThan(tx: Tx, workspaceId: string, memberId: string) {
  return tx.member.count({ where: { workspaceId, role: "admin", deactivatedAt: null, id: { not: memberId } } });
}

/** Changes a member's role and/or (de)activates them; a workspace always keeps one active admin. */
export async function updateMember(actor: Actor, memberId: string, input: UpdateMemberInput) {
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({
      where: { id: memberId, workspaceId: actor.workspaceId },
      include: { user: true },
    });
    if (!member) throw notFound("That member");

    const before = { role: member.role, active: member.deactivatedAt === null };
    const after = { role: input.role ?? before.role, active: input.active ?? before.active };
    if (after.role === before.role && after.active === before.active) return { id: member.id, ...after };

    if (member.id === actor.memberId && !after.active) throw conflict("You cannot deactivate yourself.", "active");
    const losesAdmin = before.role === "admin" && before.active && (after.role !== "admin" || !after.active);
    if (losesAdmin && (await activeAdminsOtherThan(tx, actor.workspaceId, member.id)) === 0) {
      throw conflict("The workspace needs at least one active admin.", input.role !== undefined ? "role" : "active");
    }

    await tx.member.update({
      where: { id: member.id },
      data: { role: after.role, deactivatedAt: after.active ? null : (member.deactivatedAt ?? new Date()) },
    });
    // Deactivation ends the member's sessions; reactivation must not bring the old ones back.
    if (before.active !== after.active) await revokeSessions(tx, member.userId);
    const action =
      before.active !== after.active
        ? after.active
          ? "member.reactivated"
          : "member.deactivated"
        : "member.role_changed";
    await recordAudit(tx, actor, {
      action,
      entityType: "member",
      entityId: member.id,
      before: { email: member.user.email, ...before },
      after: { email: member.user.email, ...after },
    });
    return { id: member.id, ...after };
  });
}
