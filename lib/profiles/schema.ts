import { z } from "zod";
import { limitSchema } from "@/lib/http/query-schema";

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

/** Sensitive (health, beliefs, …) or inferred (enrichment, models) traits never go into message copy. */
export const TRAIT_FLAGS = ["sensitive", "inferred"] as const;
export type TraitFlagKind = (typeof TRAIT_FLAGS)[number];
export const setTraitFlagSchema = z.strictObject({
  key: z.string().trim().min(1, "Name the trait.").max(200),
  // null removes the flag.
  flag: z.enum(TRAIT_FLAGS).nullable(),
  reason: z.string().trim().max(300, "At most 300 characters.").default(""),
});
export type SetTraitFlagInput = z.infer<typeof setTraitFlagSchema>;

/** GET /api/admin/ingest-health: how many of the workspace's latest refused calls to show. */
export const ingestHealthQuerySchema = z.object({ limit: limitSchema(100, 20) });
