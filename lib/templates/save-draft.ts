import { isDeepStrictEqual } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { UpdateTemplateInput } from "./api-schema";
import { currentVersions, findTemplate, writeDraft } from "./versions";
import { asJsonInput } from "@/lib/db/json-object";

/**
 * The editor's autosave: renames, re-describes and/or saves the draft content. Only what really
 * differs is written and audited — content equal to the working copy (the draft, or the published
 * version when there is no draft) writes nothing, so an idle autosave leaves no trace and does
 * not start a draft. Content is compared as data, so key order does not count as a change.
 */
export async function saveDraft(actor: Actor, templateId: string, input: UpdateTemplateInput) {
  const workspaceId = actor.workspaceId;
  return db.$transaction(async (tx) => {
    const template = await findTemplate(tx, workspaceId, templateId);
    if (input.content && input.content.channel !== template.channel) {
      throw new AppError(
        400,
        "invalid_input",
        `This is a ${template.channel} template: its content cannot change channel.`,
        "content.channel",
      );
    }
    const { draft, published } = await currentVersions(tx, workspaceId, templateId);
    const working = draft ?? published;
    const renamed = input.name !== undefined && input.name !== template.name;
    const redescribed = input.description !== undefined && input.description !== template.description;
    const retriggered = input.triggerEvent !== undefined && input.triggerEvent !== template.triggerEvent;
    const contentChanged = input.content !== undefined && !isDeepStrictEqual(input.content, working?.content);
    const unchanged = {
      id: template.id,
      name: template.name,
      description: template.description,
      updatedAt: template.updatedAt.toISOString(),
      draft: draft && { id: draft.id, version: draft.version, updatedAt: draft.updatedAt.toISOString() },
      changed: false,
    };
    if (!renamed && !redescribed && !retriggered && !contentChanged) return unchanged;

    const saved = contentChanged ? await writeDraft(tx, actor, templateId, input.content!, draft) : draft;
    // Touching the template even for a content-only change keeps the list ordered by last edit.
    const updated = await tx.template.update({
      where: { workspaceId_id: { workspaceId, id: templateId } },
      data: {
        ...(renamed ? { name: input.name } : {}),
        ...(redescribed ? { description: input.description } : {}),
        ...(retriggered ? { triggerEvent: input.triggerEvent } : {}),
        updatedAt: new Date(),
      },
    });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (renamed) [before.name, after.name] = [template.name, updated.name];
    if (redescribed) [before.description, after.description] = [template.description, updated.description];
    if (retriggered) [before.triggerEvent, after.triggerEvent] = [template.triggerEvent, updated.triggerEvent];
    if (contentChanged) {
      [before.version, after.version] = [working?.version ?? null, saved!.version];
      [before.content, after.content] = [working?.content ?? null, input.content];
    }
    await recordAudit(tx, actor, {
      action: contentChanged ? "template.draft_saved" : renamed ? "template.renamed" : "template.updated",
      entityType: "template",
      entityId: templateId,
      before: asJsonInput(before),
      after: asJsonInput(after),
    });
    return {
      id: updated.id,
      name: updated.name,
      description: updated.description,
      updatedAt: updated.updatedAt.toISOString(),
      draft: saved && { id: saved.id, version: saved.version, updatedAt: saved.updatedAt.toISOString() },
      changed: true,
    };
  });
}
