import { z } from "zod";

export const PROFILE_SORTS = ["lastSeenAt", "firstSeenAt", "ltv", "ordersCount", "email", "createdAt"] as const;

export const profileListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(PROFILE_SORTS).default("lastSeenAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const eventListQuerySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  before: z.coerce.bigint().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ProfileListQuery = z.infer<typeof profileListQuerySchema>;
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventPropertiesQuerySchema = z.object({ name: z.string().trim().min(1, "Name the event.").max(200) });
