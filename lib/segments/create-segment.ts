import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { countAudienceTotal } from "./count-audience";
import { recordSnapshot } from "./record-snapshot";
import type { CreateSegmentInput } from "./schema";

/**
 * Saves a dynamic segment. Counting first proves the definition compiles (its segments exist, no
 * cycle) and gives the first size snapshot; the short transaction then writes row, snapshot, audit.
 */
export async function createSegment(actor: Actor, input: CreateSegmentInput) {
  const size = await countAudienceTotal(actor.workspaceId, input.definition);
  return db.$transaction(async (tx) => {
    const segment = await tx.segment.create({
      data: {
        workspaceId: actor.workspaceId,
        name: input.name,
        description: input.description,
        kind: "dynamic",
        definition: input.definition,
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    await recordSnapshot(tx, actor.workspaceId, segment.id, size);
    await recordAudit(tx, actor, {
      action: "segment.created",
      entityType: "segment",
      entityId: segment.id,
      after: {
        name: segment.name,
        description: segment.description,
        definition: input.definition as unknown as InputJsonValue,
      },
    });
    return { id: segment.id, name: segment.name, size };
  });
}
