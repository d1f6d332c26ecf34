import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import type { ChangePasswordInput } from "./change-password-schema";
import { hashPassword, verifyPassword } from "./password";
import { revokeSessions } from "./session-epoch";

/** Sets a new password and ends every session of the user; returns the new session epoch. */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError(400, "wrong_password", "The current password is wrong.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, actor, { action: "user.password_changed", entityType: "user", entityId: user.id });
    return revokeSessions(tx, user.id);
  });
}
