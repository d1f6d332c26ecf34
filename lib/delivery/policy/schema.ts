import { z } from "zod";
import { CHANNELS } from "@/lib/profiles/channels";
import { isValidTimeZone } from "../local-time";

/*
 * One definition of a workspace's send policy, shared by the settings page, the API and the
 * worker (evaluatePolicy). Stored in the Policy row; a workspace without one gets DEFAULT_POLICY.
 */

export const CAP_CHANNELS = [...CHANNELS, "all"] as const;
export type CapChannel = (typeof CAP_CHANNELS)[number];

const timeOfDay = (label: string) =>
  z
    .string({ error: `Enter the ${label.toLowerCase()} time.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: use a time of day as HH:MM (24 h).`);

export const capSchema = z.object({
  channel: z.enum(CAP_CHANNELS, { error: `Channel must be one of ${CAP_CHANNELS.join(", ")}.` }),
  max: z
    .number({ error: "Enter how many messages." })
    .int("Enter a whole number of messages.")
    .min(1, "Allow at least 1 message.")
    .max(1000, "Allow at most 1,000 messages."),
  days: z
    .number({ error: "Enter the window in days." })
    .int("Enter a whole number of days.")
    .min(1, "Make the window at least 1 day.")
    .max(90, "Make the window at most 90 days."),
});
export type FrequencyCap = z.infer<typeof capSchema>;

export const QUIET_HOURS_ACTIONS = ["defer", "skip"] as const;

export const quietHoursSchema = z
  .object({
    enabled: z.boolean({ error: "Say whether quiet hours apply." }),
    start: timeOfDay("Start"),
    end: timeOfDay("End"),
    action: z.enum(QUIET_HOURS_ACTIONS, { error: "Quiet hours either defer or skip a message." }),
  })
  .refine((q) => q.start !== q.end, { path: ["end"], message: "End must differ from start." });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const topicSchema = z.object({
  key: z
    .string({ error: "Give the topic a key, e.g. weekly-deals." })
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Topic key: lowercase letters, digits, - and _ (e.g. weekly-deals)."),
  label: z
    .string({ error: "Give the topic a label people see." })
    .trim()
    .min(1, "Give the topic a label people see.")
    .max(100, "Topic label: at most 100 characters."),
});
export type Topic = z.infer<typeof topicSchema>;

export const policySchema = z
  .object({
    caps: z.array(capSchema).max(20, "At most 20 frequency caps."),
    quietHours: quietHoursSchema,
    defaultTimezone: z
      .string({ error: "Pick a default timezone." })
      .refine(isValidTimeZone, "Default timezone: pick an IANA timezone such as Europe/Berlin."),
    topics: z.array(topicSchema).max(50, "At most 50 topics."),
  })
  .superRefine((p, ctx) => {
    const keys = new Set<string>();
    p.topics.forEach((t, i) => {
      if (keys.has(t.key))
        ctx.addIssue({ code: "custom", path: ["topics", i, "key"], message: `Topic key “${t.key}” is used twice.` });
      keys.add(t.key);
    });
    const caps = new Set<string>();
    p.caps.forEach((c, i) => {
      const key = `${c.channel}/${c.days}`;
      if (caps.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["caps", i, "days"],
          message: `A ${c.channel === "all" ? "cross-channel" : c.channel} cap over ${c.days} day(s) is already set.`,
        });
      caps.add(key);
    });
  });
export type WorkspacePolicy = z.infer<typeof policySchema>;

/**
 * A workspace that never saved a policy: at most 3 mobile pushes a week and 1 message a day across
 * channels; quiet hours 21:00–08:00 prepared but off until an admin turns them on (sends then go
 * out at once, as a new workspace expects).
 */
export const DEFAULT_POLICY: WorkspacePolicy = {
  caps: [
    { channel: "push", max: 3, days: 7 },
    { channel: "all", max: 1, days: 1 },
  ],
  quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" },
  defaultTimezone: "UTC",
  topics: [],
};
