import { z } from "zod";

export const LIMITS = {
  batchItems: 500,
  batchBytes: 512 * 1024,
  itemBytes: 32 * 1024,
  futureMs: 24 * 60 * 60 * 1000,
  /** Levels of nested objects and arrays in properties, traits and context. */
  depth: 32,
  earliest: Date.UTC(1970, 0, 1),
  latest: Date.UTC(2100, 0, 1),
};

/** Whether a time lies in the range ingestion stores. */
export const inRange = (time: Date) => time.getTime() >= LIMITS.earliest && time.getTime() < LIMITS.latest;

// The Segment spec's common fields. Ids may arrive as numbers from some SDKs; they are kept as text.
const id = z.union([z.string().trim().min(1).max(200), z.number().finite()]).transform(String);
const json = z.record(z.string(), z.unknown());
// Every instant stays in a range PostgreSQL and the clock-skew arithmetic can hold (year 0001 or
// 9999 overflow them and used to fail the whole batch).
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true })], {
    error: "Use an ISO 8601 time, e.g. 2026-11-23T10:00:00Z.",
  })
  .refine((text) => inRange(new Date(text)), "Use a time between 1970 and 2100.");

const common = {
  messageId: z.string().trim().min(1).max(200).optional(),
  userId: id.optional().nullable(),
  anonymousId: id.optional().nullable(),
  timestamp: instant.optional(),
  sentAt: instant.optional(),
  context: json.optional(),
  integrations: json.optional(),
};

const hasIdentity = (item: { userId?: string | null; anonymousId?: string | null }) =>
  Boolean(item.userId || item.anonymousId);
const identityRule = { message: "Send a userId or an anonymousId.", path: ["userId"] };

export const identifySchema = z
  .object({ ...common, type: z.literal("identify"), traits: json.default({}) })
  .refine(hasIdentity, identityRule);
export const trackSchema = z
  .object({
    ...common,
    type: z.literal("track"),
    event: z.string().trim().min(1, "Name the event.").max(200),
    properties: json.default({}),
  })
  .refine(hasIdentity, identityRule);
export const pageSchema = z
  .object({
    ...common,
    type: z.enum(["page", "screen"]),
    name: z.string().max(200).optional(),
    properties: json.default({}),
  })
  .refine(hasIdentity, identityRule);
export const aliasSchema = z.object({ ...common, type: z.literal("alias"), userId: id, previousId: id });

/** One call of the ingestion API, of any supported type. */
export const ingestItemSchema = z.discriminatedUnion("type", [identifySchema, trackSchema, pageSchema, aliasSchema], {
  error: (issue) =>
    issue.code === "invalid_union" ? "type must be one of identify, track, page, screen, alias." : undefined,
});

export type IngestItem = z.infer<typeof ingestItemSchema>;

export const batchEnvelopeSchema = z.object({
  batch: z
    .array(z.unknown())
    .min(1, "Send at least one item.")
    .max(LIMITS.batchItems, `Send at most ${LIMITS.batchItems} items per batch.`),
  sentAt: instant.optional(),
  context: json.optional(),
  writeKey: z.string().optional(),
});
