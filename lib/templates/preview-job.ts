import type { VariableCatalog } from "./check-variables";
import type { Finding } from "./finding";
import { lintTemplate } from "./lint";
import type { LiquidContext } from "./render";
import { renderContent, type RenderedFields, type RenderProblem } from "./render-content";
import type { ResolvedContent, TemplateContent } from "./schema";

/** The CPU part of a preview (Liquid and MJML): what a render worker does, with plain data in and out. */
export type PreviewJob = {
  content: TemplateContent;
  resolved: ResolvedContent;
  context: LiquidContext;
  catalog: VariableCatalog;
};
export type PreviewJobResult = { findings: Finding[]; rendered: RenderedFields; problems: RenderProblem[] };

export async function runPreviewJob(job: PreviewJob): Promise<PreviewJobResult> {
  const [{ rendered, problems }, findings] = await Promise.all([
    renderContent(job.resolved, job.context),
    lintTemplate(job.content, { catalog: job.catalog, sample: job.context }),
  ]);
  return { findings, rendered, problems };
}
