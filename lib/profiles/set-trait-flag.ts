import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { listTraitCatalog } from "./list-trait-catalog";
import type { SetTraitFlagInput } from "./schema";

/** Flags (or unflags, with `flag: null`) a catalog trait as sensitive or inferred; audited. */
export async function setTraitFlag(actor: Actor, input: SetTraitFlagInput) {
  const workspaceId = actor.workspaceId;
  const catalog = await listTraitCatalog(workspaceId);
  if (!catalog.some((entry) => entry.key === input.key)) {
    throw new AppError(400, "unknown_trait", `"${input.key}" is not a trait this workspace has.`, "key");
  }
  const where = { workspaceId_key: { workspaceId, key: input.key } };
  return db.$transaction(async (tx) => {
    const before = await tx.traitFlag.findUnique({ where });
    if (input.flag === null) {
      if (before) await tx.traitFlag.delete({ where });
    } else {
      await tx.traitFlag.upsert({
        where,
        create: {
          workspaceId,
          key: input.key,
          flag: input.flag,
          reason: input.reason,
          flaggedById: actor.userId,
          flaggedBy: actor.email,
        },
        update: { flag: input.flag, reason: input.reason, flaggedById: actor.userId, flaggedBy: actor.email },
      });
    }
    const after = input.flag === null ? null : { flag: input.flag, reason: input.reason };
    if (JSON.stringify(before ? { flag: before.flag, reason: before.reason } : null) !== JSON.stringify(after)) {
      await recordAudit(tx, actor, {
        action: input.flag === null ? "trait.unflagged" : "trait.flagged",
        entityType: "trait",
        entityId: input.key,
        before: before ? { flag: before.flag, reason: before.reason } : null,
        after,
      });
    }
    return { key: input.key, flag: input.flag, reason: input.flag === null ? "" : input.reason };
  });
}
