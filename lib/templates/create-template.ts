import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { CreateTemplateInput } from "./api-schema";
import { starterContent } from "./starter-content";
import { asJsonInput } from "@/lib/db/json-object";

/** Creates a template owned by the actor, with its first draft (v1): the given content or a starter. */
export async function createTemplate(actor: Actor, input: CreateTemplateInput) {
  const content = input.content ?? starterContent(input.channel);
  return db.$transaction(async (tx) => {
    const template = await tx.template.create({
      data: {
        workspaceId: actor.workspaceId,
        name: input.name,
        channel: input.channel,
        description: input.description,
        triggerEvent: input.triggerEvent,
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    const draft = await tx.templateVersion.create({
      data: {
        workspaceId: actor.workspaceId,
        templateId: template.id,
        version: 1,
        status: "draft",
        content: asJsonInput(content),
        authorId: actor.userId,
        authorEmail: actor.email,
      },
    });
    await recordAudit(tx, actor, {
      action: "template.created",
      entityType: "template",
      entityId: template.id,
      after: asJsonInput({
        name: template.name,
        channel: template.channel,
        description: template.description,
        triggerEvent: template.triggerEvent,
        version: 1,
        content,
      }),
    });
    return {
      id: template.id,
      name: template.name,
      channel: input.channel,
      description: template.description,
      draft: { id: draft.id, version: draft.version },
    };
  });
}
