import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { WorkspaceSettings } from "./currency";

/** The settings an admin keeps for the whole workspace. */
export async function getWorkspaceSettings(workspaceId: string): Promise<WorkspaceSettings & { name: string }> {
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true, currency: true } });
}

/** The currency revenue is shown in. */
export const getWorkspaceCurrency = async (workspaceId: string) => (await getWorkspaceSettings(workspaceId)).currency;

/** Saves the settings and audits the change in the same transaction. */
export async function updateWorkspaceSettings(
  actor: Actor,
  input: WorkspaceSettings,
): Promise<WorkspaceSettings & { name: string }> {
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { currency: true },
    });
    const after = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { currency: input.currency },
      select: { name: true, currency: true },
    });
    if (before.currency !== after.currency) {
      await recordAudit(tx, actor, {
        action: "workspace.settings_changed",
        entityType: "workspace",
        entityId: actor.workspaceId,
        before,
        after: { currency: after.currency },
      });
    }
    return after;
  });
}
