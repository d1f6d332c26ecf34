import type { VariableCatalog } from "./check-variables";
import { keysWithoutDefault, withCoverage } from "./coverage-findings";
import type { Finding } from "./finding";
import { lintTemplate } from "./lint";
import type { LiquidContext } from "./render";
import type { TemplateContent } from "./schema";
import { variableCatalog } from "./variable-catalog";
import { variableCoverage, type AudienceTarget } from "./variable-coverage";

/** lintTemplate against the workspace's catalog, with each no-default warning carrying its audience coverage. */
export async function lintWithCoverage(
  workspaceId: string,
  content: TemplateContent,
  options: { catalog?: VariableCatalog; sample?: LiquidContext; target?: AudienceTarget } = {},
): Promise<Finding[]> {
  const catalog = options.catalog ?? (await variableCatalog(workspaceId));
  return withAudienceCoverage(
    workspaceId,
    await lintTemplate(content, { catalog, sample: options.sample }),
    catalog,
    options.target,
  );
}

/** Each no-default warning of `findings` with the share of the audience (`target`) that has the variable. */
export async function withAudienceCoverage(
  workspaceId: string,
  findings: Finding[],
  catalog: VariableCatalog,
  target?: AudienceTarget,
): Promise<Finding[]> {
  const coverage = await variableCoverage(workspaceId, keysWithoutDefault(findings, catalog.keys), target);
  return withCoverage(findings, coverage, catalog.keys);
}
