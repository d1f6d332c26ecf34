import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/http/errors";
import { definitionSchema } from "@/lib/segments/schema";
import { createPersona } from "./create-persona";
import type { CreateSubPersonaInput } from "./schema";
import { storyOf } from "./story";

/**
 * A sub-persona under `parentId`. Its segment is the parent's segment AND the new condition, by
 * reference (a membership condition), so a later change to the parent's audience flows down.
 * It starts with the parent's channels, priorities and tone: the family resemblance a PM edits from.
 */
export async function createSubPersona(actor: Actor, parentId: string, input: CreateSubPersonaInput) {
  const parent = await db.persona.findUnique({
    where: { workspaceId_id: { workspaceId: actor.workspaceId, id: parentId } },
  });
  if (!parent) throw notFound("The parent persona");
  if (!parent.segmentId)
    throw new AppError(
      400,
      "parent_unbound",
      `Bind a segment to "${parent.name}" first: a sub-persona narrows its parent's audience.`,
      "parentId",
    );
  const story = storyOf(parent);
  const definition = definitionSchema.parse({
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [{ kind: "membership", id: "parent", segmentId: parent.segmentId }, input.condition],
    },
  });
  return createPersona(
    actor,
    {
      name: input.name,
      summary: input.summary,
      channels: story.channels,
      priorities: story.priorities,
      tone: story.tone,
      newSegment: { name: `${parent.name} → ${input.name}`, definition },
    },
    parent.id,
  );
}
