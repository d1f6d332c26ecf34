import { z } from "zod";
import { CAMPAIGN_STATUSES } from "./schema";

export const CAMPAIGN_ACTIONS = ["launch", "pause", "resume", "cancel"] as const;
export const campaignActionSchema = z.enum(CAMPAIGN_ACTIONS, {
  error: `The action must be one of ${CAMPAIGN_ACTIONS.join(", ")}.`,
});

export const listCampaignsQuerySchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES, { error: `Status must be one of ${CAMPAIGN_STATUSES.join(", ")}.` }).optional(),
});

export const MESSAGE_STATUSES = [
  "queued",
  "sending",
  "delivered",
  "failed",
  "skipped",
  "withheld",
  "cancelled",
] as const;
export const campaignMessagesQuerySchema = z.object({
  status: z.enum(MESSAGE_STATUSES, { error: `Status must be one of ${MESSAGE_STATUSES.join(", ")}.` }).optional(),
  page: z.coerce.number({ error: "Page must be a number." }).int().min(0).default(0),
  pageSize: z.coerce.number({ error: "Page size must be a number." }).int().min(1).max(200).default(50),
});
