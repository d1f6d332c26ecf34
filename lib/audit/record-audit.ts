import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type AuditEntry = {
  action: string; // verb-noun in the past tense, e.g. "member.role_changed"
  entityType: string;
  entityId: string;
  before?: InputJsonValue | null;
  after?: InputJsonValue | null;
};

/**
 * Writes one audit row inside the caller's transaction, so a change and its record
 * commit or roll back together. Every mutation in Tailor calls this.
 */
export async function recordAudit(tx: Tx, actor: Pick<Actor, "workspaceId" | "userId" | "email">, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      actorEmail: actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
