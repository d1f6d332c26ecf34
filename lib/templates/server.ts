import "server-only";

/*
 * The server side of templates: database operations (versions, publishing, previews, test sends; the
 * outbox they land in is lib/delivery/outbox). Kept out of ./index.ts so the pure core stays importable
 * without a database client. Route handlers and pages import from here.
 */
export * from "./index";
export { renderEmail, type EmailHtml } from "./render-email";
export { lintContent, lintTemplate } from "./lint";
export { diffContent, type FieldChange, type LocaleDiff } from "./diff-content";
export { renderContent, type RenderedFields, type RenderProblem } from "./render-content";
export { variableCatalog } from "./variable-catalog";
export { variableCoverage, targetAudience, type AudienceTarget } from "./variable-coverage";
export { lintWithCoverage } from "./lint-with-coverage";
export { VERSION_STATUSES, type VersionStatus, type VersionSummary } from "./versions";
export { createTemplate } from "./create-template";
export { saveDraft } from "./save-draft";
export { publishTemplate } from "./publish-template";
export { restoreVersion } from "./restore-version";
export { diffVersions, type VersionDiff } from "./diff-versions";
export { deleteTemplate } from "./delete-template";
export { archiveTemplate } from "./archive-template";
export { findTemplateDependents } from "./find-template-dependents";
export { getTemplate, type TemplateDetail, type TemplateVersionDetail } from "./get-template";
export { listTemplates, type TemplateListItem } from "./list-templates";
export { previewTemplate, type Preview } from "./preview-template";
export { PREVIEW_UNSUBSCRIBE_URL } from "./recipient-context";
export { sendTest } from "./send-test";
export { sampleProfiles, type SampleRecipient } from "./sample-profiles";
export { type HistoryVersion, type LintSummary, versionHistory } from "./version-history";
