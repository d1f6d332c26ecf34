import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { resolveSegmentBinding } from "./bind-segment";
import type { CreatePersonaInput } from "./schema";
import { storyOf } from "./story";

const json = (value: unknown) => value as InputJsonValue;

/** Creates a persona owned by the actor; an inline segment definition is saved and bound first. */
export async function createPersona(actor: Actor, input: CreatePersonaInput, parentId: string | null = null) {
  const segmentId = await resolveSegmentBinding(actor, input);
  return db.$transaction(async (tx) => {
    const row = await tx.persona.create({
      data: {
        workspaceId: actor.workspaceId,
        name: input.name,
        summary: input.summary,
        narrative: input.narrative,
        goals: json(input.goals),
        painPoints: json(input.painPoints),
        motivations: json(input.motivations),
        objections: json(input.objections),
        jobsToBeDone: json(input.jobsToBeDone),
        priorities: json(input.priorities),
        channels: json(input.channels),
        tone: json(input.tone),
        assumptions: json(input.assumptions),
        segmentId: segmentId ?? null,
        parentId,
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    await recordAudit(tx, actor, {
      action: "persona.created",
      entityType: "persona",
      entityId: row.id,
      after: json({ ...storyOf(row), parentId }),
    });
    return { id: row.id, name: row.name, segmentId: row.segmentId };
  });
}
