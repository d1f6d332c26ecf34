import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict } from "@/lib/http/errors";
import type { AddMemberInput } from "./schema";

/**
 * Creates the user and their membership with a one-time password, returned once and never
 * stored in clear: the new member must choose their own password at first sign-in.
 */
export async function addMember(actor: Actor, input: AddMemberInput) {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) throw conflict(`${input.email} already has an account.`, "email");

  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const member = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, mustChangePassword: true },
    });
    const created = await tx.member.create({ data: { workspaceId: actor.workspaceId, userId: user.id, role: input.role } });
    await recordAudit(tx, actor, {
      action: "member.added",
      entityType: "member",
      entityId: created.id,
      after: { email: user.email, name: user.name, role: created.role },
    });
    return { id: created.id, email: user.email, name: user.name, role: created.role };
  });
  return { member, oneTimePassword };
}
