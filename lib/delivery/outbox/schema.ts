import { z } from "zod";
import { blankIsAbsent, idSchema, limitSchema } from "@/lib/http/query-schema";
import { TEMPLATE_CHANNELS } from "@/lib/templates/channels";

/** The outbox page's and API's query: a page of messages before a cursor, and the page's filters. */
export const outboxQuerySchema = z.object({
  limit: limitSchema(100, 20),
  before: blankIsAbsent(idSchema("outbox message")),
  templateId: blankIsAbsent(idSchema("template")),
  // Test sends or campaign deliveries, one campaign, one channel, one recipient.
  kind: blankIsAbsent(z.enum(["test", "campaign"], { error: "kind is test or campaign." })),
  campaignId: blankIsAbsent(idSchema("campaign")),
  channel: blankIsAbsent(z.enum(TEMPLATE_CHANNELS, { error: `channel is one of ${TEMPLATE_CHANNELS.join(", ")}.` })),
  // A profile id, e-mail address or user id.
  profile: blankIsAbsent(z.string().trim().max(320, "At most 320 characters.")),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
