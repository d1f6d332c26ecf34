import { db } from "@/lib/db/client";
import { conflict } from "@/lib/http/errors";
import type { Finding } from "./finding";
import { withAudienceCoverage } from "./lint-with-coverage";
import { canonicalLocale } from "./locale-tag";
import { localeChain, resolveLocale } from "./locale";
import { recipientContext, type Recipient } from "./recipient-context";
import type { RenderedFields, RenderProblem } from "./render-content";
import { renderInPool } from "./render-pool";
import type { TemplateContent } from "./schema";
import { variableCatalog } from "./variable-catalog";
import type { AudienceTarget } from "./variable-coverage";
import { contentOf, currentVersions, findTemplate } from "./versions";

export type Preview = {
  /** The locale rendered: the first of the requested locale's fallback chain the content has (`default` last). */
  locale: string;
  /** The locale asked for (given, or the profile's) when the content does not have it, e.g. `de-AT` read as `de`. */
  fallbackFrom: string | null;
  /** The locale each field came from. */
  from: Record<string, string>;
  recipient: Recipient;
  rendered: RenderedFields;
  findings: Finding[];
  problems: RenderProblem[];
};

/** The content a preview or test send renders: given inline, or a template's draft / published version. */
export async function versionToRender(
  workspaceId: string,
  templateId: string,
  which: "draft" | "published" | undefined,
) {
  const template = await findTemplate(db, workspaceId, templateId);
  const { draft, published } = await currentVersions(db, workspaceId, templateId);
  // Without a draft the published version is the working copy; asking for "published" means exactly that.
  const version = which === "published" ? published : (draft ?? published);
  if (!version)
    throw conflict(
      which === "published" ? "This template has not been published yet." : "This template has no version to render.",
    );
  return { version, content: contentOf(version.content), triggerEvent: template.triggerEvent };
}

/** Which locale a recipient gets, and whether that was a fallback. */
export function pickLocale(content: TemplateContent, requested: string | null | undefined) {
  const chain = localeChain(requested, Object.keys(content.locales));
  const locale = chain[0]!;
  const asked = requested ? (canonicalLocale(requested) ?? requested) : null;
  return { locale, fallbackFrom: asked && asked.toLowerCase() !== locale.toLowerCase() ? asked : null };
}

/**
 * Renders content for a real profile (or for nobody) in its locale, with lint findings carrying
 * coverage figures for `target`. Render problems come back as data, never as an error response;
 * the rendering itself runs on the preview pool (render-pool.ts), within its time budget.
 */
export async function previewTemplate(
  workspaceId: string,
  input: {
    content?: TemplateContent;
    templateId?: string;
    version?: "draft" | "published";
    profileId?: string;
    locale?: string;
    triggerEvent?: string | null;
  } & AudienceTarget,
  signal?: AbortSignal,
): Promise<Preview> {
  const stored = input.content ? null : await versionToRender(workspaceId, input.templateId!, input.version);
  const content = input.content ?? stored!.content;
  const triggerEvent = input.triggerEvent !== undefined ? input.triggerEvent : (stored?.triggerEvent ?? null);
  const catalog = await variableCatalog(workspaceId, triggerEvent);
  const { recipient, context } = await recipientContext(workspaceId, input.profileId, catalog, triggerEvent);
  const { locale, fallbackFrom } = pickLocale(content, input.locale ?? recipient?.locale);
  const resolved = resolveLocale(content, locale === "default" ? null : locale);
  const job = await renderInPool({ content, resolved, context, catalog }, { signal });
  const { rendered, problems } = job;
  const findings = await withAudienceCoverage(workspaceId, job.findings, catalog, {
    segmentId: input.segmentId,
    personaId: input.personaId,
  });
  return {
    locale,
    fallbackFrom,
    from: resolved.from,
    recipient,
    rendered,
    findings,
    problems: problems.map((p) => ({ ...p, locale: resolved.from[p.field.split(".")[0]!] ?? locale })),
  };
}
