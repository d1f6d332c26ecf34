import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "@/components/use-autosave";
import { updateTemplateSchema } from "@/lib/templates";

/** The editor's form: the autosave schema (the one PATCH /api/templates/<id> parses with), every field present. */
export const templateDraftSchema = updateTemplateSchema
  .pick({ name: true, triggerEvent: true, content: true })
  .required();
export type TemplateDraft = z.output<typeof templateDraftSchema>;

export const templateDraftResolver = zodResolver(templateDraftSchema);

/** What autosave holds back: each field's message by path ("content.locales.default.subject"). */
export function draftIssues(draft: TemplateDraft): FieldErrors {
  return fieldErrors(templateDraftSchema.safeParse(draft).error);
}

/** How an editor that changes several fields at once sets them; autosave judges the result (errors go to the form). */
export const EDIT = { shouldDirty: true, shouldTouch: true } as const;
