import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { loadStoredPolicy, type StoredPolicy } from "./load-policy";
import { policySchema } from "./schema";

/** Replaces the workspace's send policy (validated here too) and audits the change, in one transaction. */
export async function savePolicy(
  actor: Pick<Actor, "workspaceId" | "userId" | "email">,
  input: unknown,
): Promise<StoredPolicy> {
  const policy = policySchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await loadStoredPolicy(actor.workspaceId, tx);
    const data = {
      caps: policy.caps,
      quietHours: policy.quietHours,
      defaultTimezone: policy.defaultTimezone,
      topics: policy.topics,
      updatedById: actor.userId,
    };
    await tx.policy.upsert({
      where: { workspaceId: actor.workspaceId },
      create: { workspaceId: actor.workspaceId, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: "policy.updated",
      entityType: "policy",
      entityId: actor.workspaceId,
      before: before.saved ? before.policy : null,
      after: policy,
    });
    return loadStoredPolicy(actor.workspaceId, tx);
  });
}
