import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError, conflict } from "@/lib/http/errors";
import { lintWithCoverage } from "./lint-with-coverage";
import { variableCatalog } from "./variable-catalog";
import type { AudienceTarget } from "./variable-coverage";
import { contentOf, currentVersions, findTemplate } from "./versions";
import { asJsonInput } from "@/lib/db/json-object";

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * Publishes the draft: lints it (no-default warnings with their coverage of `target`) and refuses
 * with 422 `lint_errors` and every finding when any is an error — nothing is written then.
 * Otherwise the draft becomes the published version with its findings, and the previous
 * published version is superseded, in one audited transaction.
 */
export async function publishTemplate(actor: Actor, templateId: string, target: AudienceTarget = {}) {
  const workspaceId = actor.workspaceId;
  const template = await findTemplate(db, workspaceId, templateId);
  const { draft } = await currentVersions(db, workspaceId, templateId);
  if (!draft) throw conflict("There is no draft to publish: the published version is already the latest.");
  const findings = await lintWithCoverage(workspaceId, contentOf(draft.content), {
    target,
    catalog: await variableCatalog(workspaceId, template.triggerEvent),
  });
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new AppError(
      422,
      "lint_errors",
      `${count(errors.length, "error")} must be fixed before publishing. First: ${errors[0]!.message}`,
      errors[0]!.field,
      undefined,
      { findings },
    );
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { published: previous } = await currentVersions(tx, workspaceId, templateId);
    // Only the draft that was linted: an autosave landing in between must be checked again.
    const { count: moved } = await tx.templateVersion.updateMany({
      where: { workspaceId, id: draft.id, status: "draft", updatedAt: draft.updatedAt },
      data: { status: "published", publishedAt: now, findings: asJsonInput(findings) },
    });
    if (moved === 0) throw conflict("The draft changed while it was being checked: publish again.");
    if (previous)
      await tx.templateVersion.update({
        where: { workspaceId_id: { workspaceId, id: previous.id } },
        data: { status: "superseded" },
      });
    await tx.template.update({ where: { workspaceId_id: { workspaceId, id: templateId } }, data: { updatedAt: now } });
    const warnings = findings.filter((f) => f.severity === "warning").length;
    await recordAudit(tx, actor, {
      action: "template.published",
      entityType: "template",
      entityId: templateId,
      before: asJsonInput({ publishedVersion: previous?.version ?? null }),
      after: asJsonInput({ name: template.name, publishedVersion: draft.version, versionId: draft.id, warnings }),
    });
    return {
      id: templateId,
      version: { id: draft.id, version: draft.version, status: "published" as const, publishedAt: now.toISOString() },
      superseded: previous && { id: previous.id, version: previous.version },
      findings,
    };
  });
}
