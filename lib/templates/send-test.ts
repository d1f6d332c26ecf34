import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { TestSendInput } from "./api-schema";
import { resolveLocale } from "./locale";
import { pickLocale, versionToRender } from "./preview-template";
import { recipientContext } from "./recipient-context";
import { renderContent } from "./render-content";
import { variableCatalog } from "./variable-catalog";
import { asJsonInput } from "@/lib/db/json-object";

/**
 * Renders the draft (or, asked, the published version) for one profile in its locale and puts it
 * in the sandbox outbox — nothing leaves Tailor. A message that does not render is refused with
 * 422 `render_failed` and its problems, so the outbox only holds what a recipient would read.
 */
export async function sendTest(actor: Actor, templateId: string, input: TestSendInput) {
  const workspaceId = actor.workspaceId;
  const { version, content, triggerEvent } = await versionToRender(workspaceId, templateId, input.version);
  const catalog = await variableCatalog(workspaceId, triggerEvent);
  const { recipient, context } = await recipientContext(workspaceId, input.profileId, catalog, triggerEvent);
  const { locale, fallbackFrom } = pickLocale(content, input.locale ?? recipient?.locale);
  const { rendered, problems } = await renderContent(
    resolveLocale(content, locale === "default" ? null : locale),
    context,
  );
  if (problems.length > 0) {
    throw new AppError(
      422,
      "render_failed",
      `The message does not render for this profile: ${problems[0]!.message}`,
      problems[0]!.field,
      undefined,
      { problems },
    );
  }
  return db.$transaction(async (tx) => {
    const message = await tx.outboxMessage.create({
      data: {
        workspaceId,
        kind: "test",
        templateId,
        versionId: version.id,
        profileId: input.profileId,
        channel: content.channel,
        locale,
        fallbackFrom,
        rendered: asJsonInput(rendered),
        createdById: actor.userId,
        createdBy: actor.email,
      },
    });
    await recordAudit(tx, actor, {
      action: "template.test_sent",
      entityType: "template",
      entityId: templateId,
      after: asJsonInput({
        outboxMessageId: message.id,
        versionId: version.id,
        version: version.version,
        profileId: input.profileId,
        locale,
      }),
    });
    return {
      id: message.id,
      kind: "test" as const,
      templateId,
      versionId: version.id,
      version: version.version,
      profileId: input.profileId,
      channel: content.channel,
      locale,
      fallbackFrom,
      rendered,
      createdBy: actor.email,
      createdAt: message.createdAt.toISOString(),
    };
  });
}
