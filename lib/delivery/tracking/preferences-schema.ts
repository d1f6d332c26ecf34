import { z } from "zod";
import { CHANNELS } from "@/lib/profiles/channels";

/** What the preference page sends: the channels and topics it shows, ticked or not; or "unsubscribe from all". */
export const preferencesInputSchema = z.union([
  z.strictObject({ unsubscribeAll: z.literal(true) }),
  z.strictObject({
    consent: z.partialRecord(
      z.enum(CHANNELS, { error: `A channel is one of ${CHANNELS.join(", ")}.` }),
      z.boolean({ error: "Each channel is on or off." }),
    ),
    topics: z.record(z.string().max(64), z.boolean({ error: "Each topic is on or off." })).default({}),
  }),
]);
export type PreferencesInput = z.infer<typeof preferencesInputSchema>;
