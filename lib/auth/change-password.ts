import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import type { ChangePasswordInput } from "./change-password-schema";
import { hashPassword, verifyPassword } from "./password";

export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError(400, "wrong_password", "The current password is wrong.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, actor, { action: "user.password_changed", entityType: "user", entityId: user.id });
  });
}
