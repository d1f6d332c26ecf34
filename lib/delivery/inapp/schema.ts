import { z } from "zod";

export const INAPP_EVENT_TYPES = ["impression", "click", "dismiss"] as const;
export type InAppEventType = (typeof INAPP_EVENT_TYPES)[number];

const userId = z
  .string({ error: "Give the userId (the signed-in user's id in your system)." })
  .trim()
  .min(1, "Give the userId (the signed-in user's id in your system).")
  .max(200, "At most 200 characters.");

const HASH_HELP =
  "Give the userHash your server computed: hex HMAC-SHA256 of the userId with the workspace's identity secret.";
const userHash = z
  .string({ error: HASH_HELP })
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, HASH_HELP);

/** GET /api/v1/inapp?userId=…&userHash=… */
export const inboxQuerySchema = z.object({ userId, userHash });

/** POST /api/v1/inapp/events */
export const inAppEventSchema = z.strictObject({
  userId,
  userHash,
  messageId: z
    .string({ error: "Give the messageId the inbox returned." })
    .trim()
    .min(1, "Give the messageId the inbox returned.")
    .max(64, "That is not a message id."),
  type: z.enum(INAPP_EVENT_TYPES, { error: `type is one of ${INAPP_EVENT_TYPES.join(", ")}.` }),
});
export type InAppEventInput = z.infer<typeof inAppEventSchema>;
