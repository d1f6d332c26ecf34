import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { AppError, notFound } from "@/lib/http/errors";
import { countAudienceTotal } from "./count-audience";
import { recordSnapshot } from "./record-snapshot";
import type { UpdateSegmentInput } from "./schema";

const json = (value: unknown) => value as InputJsonValue;

/** Renames, re-describes or redefines a segment; a new definition is recounted and snapshotted. */
export async function updateSegment(actor: Actor, segmentId: string, input: UpdateSegmentInput) {
  const workspaceId = actor.workspaceId;
  const current = await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: segmentId } } });
  if (!current) throw notFound("That segment");
  if (input.definition && current.kind === "static") {
    throw new AppError(
      400,
      "static_segment",
      "A static segment's members come from its CSV; it has no conditions to edit.",
      "definition",
    );
  }
  const definitionChanged =
    input.definition !== undefined && JSON.stringify(input.definition) !== JSON.stringify(current.definition);
  const size = definitionChanged
    ? await countAudienceTotal(workspaceId, input.definition!, { selfId: segmentId })
    : null;

  return db.$transaction(async (tx) => {
    const updated = await tx.segment.update({
      where: { workspaceId_id: { workspaceId, id: segmentId } },
      data: {
        name: input.name,
        description: input.description,
        ...(definitionChanged ? { definition: json(input.definition) } : {}),
      },
    });
    if (size !== null) await recordSnapshot(tx, workspaceId, segmentId, size);
    const renamed = updated.name !== current.name;
    const changed = renamed || updated.description !== current.description || definitionChanged;
    if (changed) {
      await recordAudit(tx, actor, {
        action: definitionChanged ? "segment.updated" : renamed ? "segment.renamed" : "segment.updated",
        entityType: "segment",
        entityId: segmentId,
        before: {
          name: current.name,
          description: current.description,
          ...(definitionChanged ? { definition: json(current.definition) } : {}),
        },
        after: {
          name: updated.name,
          description: updated.description,
          ...(definitionChanged ? { definition: json(input.definition) } : {}),
        },
      });
    }
    return { id: updated.id, name: updated.name, size: size ?? updated.size };
  });
}
