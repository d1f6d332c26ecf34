import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { asJsonInput } from "@/lib/db/json-object";
import { conflict, notFound } from "@/lib/http/errors";
import { templateContentSchema, type TemplateContent } from "./schema";

/*
 * The version rules, in one place. A template has at most one draft (its working copy) and at
 * most one published version; publishing supersedes the previous one. The draft always carries
 * the next number (latest + 1): the unique (template, version) key then also stops two
 * concurrent autosaves from both starting a draft.
 */

export const VERSION_STATUSES = ["draft", "published", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Stored content, read back through the schema (it was validated on the way in). */
export const contentOf = (value: unknown): TemplateContent => templateContentSchema.parse(value);

export async function findTemplate(tx: Tx, workspaceId: string, templateId: string) {
  const template = await tx.template.findUnique({ where: { workspaceId_id: { workspaceId, id: templateId } } });
  if (!template) throw notFound("That template");
  return template;
}

export async function currentVersions(tx: Tx, workspaceId: string, templateId: string) {
  const rows = await tx.templateVersion.findMany({
    where: { workspaceId, templateId, status: { in: ["draft", "published"] } },
  });
  return {
    draft: rows.find((r) => r.status === "draft") ?? null,
    published: rows.find((r) => r.status === "published") ?? null,
  };
}

/** Writes the working copy: updates the draft, or starts one numbered after the latest version. */
export async function writeDraft(
  tx: Tx,
  actor: Actor,
  templateId: string,
  content: TemplateContent,
  draft: { id: string } | null,
) {
  const workspaceId = actor.workspaceId;
  if (draft) {
    return tx.templateVersion.update({
      where: { workspaceId_id: { workspaceId, id: draft.id } },
      data: { content: asJsonInput(content), authorId: actor.userId, authorEmail: actor.email },
    });
  }
  const latest = await tx.templateVersion.aggregate({ where: { workspaceId, templateId }, _max: { version: true } });
  try {
    return await tx.templateVersion.create({
      data: {
        workspaceId,
        templateId,
        version: (latest._max.version ?? 0) + 1,
        status: "draft",
        content: asJsonInput(content),
        authorId: actor.userId,
        authorEmail: actor.email,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("Someone else started a draft of this template at the same moment: reload it and try again.");
    throw error;
  }
}

export type VersionSummary = {
  id: string;
  version: number;
  status: VersionStatus;
  authorEmail: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
};

export const summaryOf = (v: {
  id: string;
  version: number;
  status: string;
  authorEmail: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}): VersionSummary => ({
  id: v.id,
  version: v.version,
  status: v.status as VersionStatus,
  authorEmail: v.authorEmail,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  publishedAt: v.publishedAt?.toISOString() ?? null,
});
