import { z } from "zod";
import { TEMPLATE_CHANNELS } from "@/lib/templates/channels";

/*
 * One definition of a campaign, shared by the editor, the API and the send engine.
 * A campaign sends one channel's published template version (or an experiment's variants) to an
 * audience on a schedule. Times of day are "HH:MM" in the profile's local time where the schedule
 * says so (lib/delivery/schedule.ts turns them into instants).
 */

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "sent", "paused", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const id = (what: string) =>
  z
    .string({ error: `Pick ${what}.` })
    .min(1, `Pick ${what}.`)
    .max(64);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time of day as HH:MM (24 h).");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.");
const instant = z.iso.datetime({
  offset: true,
  error: "Use an ISO date-time with a timezone, e.g. 2026-12-01T09:00:00Z.",
});

/** Who receives it: a saved segment, a persona's audience, or every profile (mass send). */
export const campaignAudienceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("segment"), id: id("a segment") }),
    z.object({ kind: z.literal("persona"), id: id("a persona") }),
    z.object({ kind: z.literal("all") }),
  ],
  { error: "Pick who receives it." },
);
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

/** Ready-made trigger recipes; both fire from the ingest path (lib/delivery/triggers.ts). */
export const campaignTriggerSchema = z.discriminatedUnion("recipe", [
  // Any event: send `delayMinutes` after it (0 = at once).
  z.object({
    recipe: z.literal("event"),
    event: z.string().min(1, "Pick the event that triggers the send.").max(200),
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
  }),
  // add_to_cart not followed by purchase within `hours`.
  z.object({
    recipe: z.literal("abandoned_cart"),
    hours: z
      .number()
      .int()
      .min(1, "Wait at least 1 hour.")
      .max(24 * 14),
  }),
  // No app_open / session_start for `days`.
  z.object({ recipe: z.literal("inactivity"), days: z.number().int().min(1, "Wait at least 1 day.").max(365) }),
]);
export type CampaignTrigger = z.infer<typeof campaignTriggerSchema>;

export const campaignScheduleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("now") }),
  z.object({ kind: z.literal("at"), at: instant }),
  // The same wall-clock time in each profile's own timezone (the policy's default when unknown).
  z.object({ kind: z.literal("local_time"), date: isoDate, time: timeOfDay }),
  // On `date`, at each profile's most active hour in its timezone (computed trait); `fallbackTime` when unknown.
  z.object({ kind: z.literal("best_hour"), date: isoDate, fallbackTime: timeOfDay }),
  z.object({
    kind: z.literal("recurring"),
    every: z.enum(["day", "week"], { error: "Repeat every day or every week." }),
    time: timeOfDay,
    // 0 = Sunday … 6 = Saturday; weekly only.
    weekday: z.number().int().min(0).max(6).optional(),
    localTime: z.boolean().default(false),
    until: isoDate.optional(),
  }),
  z.object({ kind: z.literal("trigger"), trigger: campaignTriggerSchema }),
]);
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;

/** A campaign's fields with their defaults; campaignInputSchema adds the rules a new or edited one must pass. */
export const campaignFieldsSchema = z.object({
  name: z
    .string({ error: "Give the campaign a name." })
    .trim()
    .min(1, "Give the campaign a name.")
    .max(200, "Keep the name to 200 characters."),
  channel: z.enum(TEMPLATE_CHANNELS, { error: "Pick the channel to send on." }),
  audience: campaignAudienceSchema,
  templateId: id("a template").nullable().default(null),
  experimentId: id("an experiment").nullable().default(null),
  schedule: campaignScheduleSchema,
  transactional: z.boolean().default(false),
  topic: z.string().max(64).nullable().default(null),
  goalEvent: z
    .string()
    .min(1, "Name the event that counts as a conversion, e.g. purchase.")
    .max(200)
    .default("purchase"),
  attributionHours: z
    .number()
    .int()
    .min(1, "Attribution window: at least 1 hour.")
    .max(24 * 30, "Attribution window: at most 30 days.")
    .default(72),
});

export const campaignInputSchema = campaignFieldsSchema.superRefine((c, ctx) => {
  if (!c.templateId && !c.experimentId)
    ctx.addIssue({ code: "custom", path: ["templateId"], message: "Pick a template (or an experiment) to send." });
  if (c.schedule.kind === "recurring" && c.schedule.every === "week" && c.schedule.weekday === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["schedule", "weekday"],
      message: "Pick the weekday a weekly campaign sends on.",
    });
  }
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;
