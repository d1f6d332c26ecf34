import { z } from "zod";
import { archivedQuerySchema } from "@/lib/segments/archive-state";
import { blankIsAbsent, idSchema as id, limitSchema as limit } from "@/lib/http/query-schema";
import { TEMPLATE_CHANNELS } from "@/lib/templates/channels";
import { templateContentSchema } from "./schema";

/*
 * The request shapes of the template routes, shared by the API and the editor. Objects are
 * strict so a misspelt key is a 400 naming it rather than being ignored.
 */

export const templateNameSchema = z
  .string({ error: "Give the template a name." })
  .trim()
  .min(1, "Give the template a name.")
  .max(120, "At most 120 characters.");
const description = z.string().trim().max(500, "At most 500 characters.");
const locale = z.string().trim().min(1, "Give a locale, e.g. de-AT.").max(64, "That is not a locale.");
const channel = z.enum(TEMPLATE_CHANNELS, { error: "Pick a channel." });
// The event a triggered template is sent on; null: a scheduled send, no event.* variables.
const triggerEvent = z.string().trim().min(1, "Name the event.").max(200, "At most 200 characters.").nullable();
const versionChoice = z.enum(["draft", "published"], { error: "version is draft or published." });

/** Whose profiles coverage figures and sample recipients come from: a segment, a persona's segment, or everyone. */
export const audienceTargetShape = { segmentId: blankIsAbsent(id("segment")), personaId: blankIsAbsent(id("persona")) };
const oneTarget = (t: { segmentId?: string; personaId?: string }) => !(t.segmentId && t.personaId);
const oneTargetIssue = { message: "Give a segment or a persona, not both.", path: ["personaId"] };

/** What the "New template" form asks for; the server fills in the channel's starter content. */
export const newTemplateSchema = z.strictObject({ name: templateNameSchema, channel });
export type NewTemplateInput = z.infer<typeof newTemplateSchema>;

export const createTemplateSchema = z
  .strictObject({
    ...newTemplateSchema.shape,
    description: description.default(""),
    triggerEvent: triggerEvent.default(null),
    content: templateContentSchema.optional(),
  })
  .refine((t) => !t.content || t.content.channel === t.channel, {
    message: "The content is for another channel than the template.",
    path: ["content", "channel"],
  });
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

/** The editor's autosave: any of these; what equals the stored value is not written. */
export const updateTemplateSchema = z.strictObject({
  name: templateNameSchema.optional(),
  description: description.optional(),
  triggerEvent: triggerEvent.optional(),
  content: templateContentSchema.optional(),
});
export type UpdateTemplateInput = z.infer<typeof updateTemplateSchema>;

export const publishTemplateSchema = z.strictObject(audienceTargetShape).refine(oneTarget, oneTargetIssue);

export const previewTemplateSchema = z
  .strictObject({
    content: templateContentSchema.optional(),
    templateId: id("template").optional(),
    version: versionChoice.optional(),
    profileId: id("profile").optional(),
    locale: locale.optional(),
    // Inline content (the editor) says its trigger; a templateId preview uses the template's.
    triggerEvent: triggerEvent.optional(),
    ...audienceTargetShape,
  })
  .refine((p) => (p.content === undefined) !== (p.templateId === undefined), {
    message: "Send the content to preview, or a templateId (not both).",
    path: ["content"],
  })
  .refine(oneTarget, oneTargetIssue);
export type PreviewTemplateInput = z.infer<typeof previewTemplateSchema>;

export const testSendSchema = z.strictObject({
  profileId: id("profile"),
  locale: locale.optional(),
  version: versionChoice.default("draft"),
});
export type TestSendInput = z.infer<typeof testSendSchema>;

export const diffQuerySchema = z.object({ a: id("version"), b: id("version") });

export const listTemplatesQuerySchema = z.object({
  channel: blankIsAbsent(channel),
  q: blankIsAbsent(z.string().trim().max(200, "At most 200 characters.")),
  archived: blankIsAbsent(archivedQuerySchema.shape.archived),
});

export const sampleProfilesQuerySchema = z
  .object({ ...audienceTargetShape, limit: limit(50, 10) })
  .refine(oneTarget, oneTargetIssue);
