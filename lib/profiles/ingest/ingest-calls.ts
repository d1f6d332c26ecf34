import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation, isWriteConflict } from "@/lib/db/errors";
import { mergeProfiles } from "./merge-profiles";
import { isRejection, normalizeCall, type Call, type Rejection } from "./normalize-call";
import { consentOf, profileFields } from "./profile-fields";
import { resolveIdentities } from "./resolve-identities";
import { tooDeepAt } from "./nesting";
import { ingestItemSchema, LIMITS } from "./schema";
import { onEventsIngested } from "@/lib/delivery/on-ingest";
import { insertEvents } from "./insert-events";
import type { LockedProfile } from "./running-counts";
import { unstorableTextAt } from "./storable-text";
import { applyTraitsSql, lockProfilesSql, storedMessageIdsSql } from "./sql";
import { learnTraits } from "./trait-catalog";

export type ItemResult =
  | { index: number; messageId: string; status: "accepted" | "duplicate" }
  | { index: number; messageId: string | null; status: "rejected"; field: string; reason: string };

export type IngestOptions = { receivedAt?: Date; sentAt?: string; context?: Record<string, unknown> };

const PROMOTED = ["campaignId", "variantId", "channel"] as const;

function validate(
  raw: unknown,
  index: number,
  options: Required<Pick<IngestOptions, "receivedAt">> & IngestOptions,
): Call | Rejection {
  const messageId =
    typeof (raw as { messageId?: unknown })?.messageId === "string" ? (raw as { messageId: string }).messageId : null;
  const deep = tooDeepAt(raw, LIMITS.depth);
  if (deep)
    return { index, messageId, field: deep, reason: `Nest objects and arrays at most ${LIMITS.depth} levels deep.` };
  const parsed = ingestItemSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { index, messageId, field: issue.path.join(".") || "(item)", reason: issue.message };
  }
  const item = options.context
    ? { ...parsed.data, context: { ...options.context, ...parsed.data.context } }
    : parsed.data;
  const unstorable = unstorableTextAt(item);
  if (unstorable)
    return {
      index,
      messageId,
      field: unstorable,
      reason: "Text may not contain NUL characters or unpaired UTF-16 surrogates.",
    };
  return normalizeCall(item, index, options.receivedAt, options.sentAt);
}

const optionalText = (value: unknown) => (typeof value === "string" && value ? value.slice(0, 200) : null);
const revenueOf = (call: Call) => {
  const revenue = Number(call.properties.revenue);
  return call.name === "purchase" && Number.isFinite(revenue) ? revenue.toFixed(2) : null;
};

/** The event's revenue property as a number (any event may carry one: a goal event's conversion value). */
const eventRevenue = (call: Call) => {
  const value = call.properties.revenue;
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

/**
 * Each item validated and normalized, in order: a result for every refused item and every repeat of a
 * messageId earlier in the batch ("duplicate"); the calls left to store.
 */
export function validateItems(items: unknown[], options: IngestOptions = {}): { results: ItemResult[]; calls: Call[] } {
  const receivedAt = options.receivedAt ?? new Date();
  const results = new Array<ItemResult>(items.length);
  const calls: Call[] = [];
  const seen = new Set<string>();
  items.forEach((raw, index) => {
    const call = validate(raw, index, { ...options, receivedAt });
    if (isRejection(call)) results[index] = { ...call, status: "rejected" };
    else if (seen.has(call.messageId)) results[index] = { index, messageId: call.messageId, status: "duplicate" };
    else {
      seen.add(call.messageId);
      calls.push(call);
    }
  });
  return { results, calls };
}

/**
 * Stores a batch of Segment-style calls for one workspace in one transaction: identities resolved
 * and stitched, traits applied, events inserted once per messageId, rollups and computed traits
 * advanced for exactly the events that were new. Returns one result per item, in order.
 */
export async function ingestCalls(
  workspaceId: string,
  items: unknown[],
  options: IngestOptions & StoreOptions = {},
): Promise<ItemResult[]> {
  const { results, calls } = validateItems(items, options);
  if (calls.length === 0) return results;

  return retryLostRaces(async () => {
    const attemptResults = [...results];
    await db.$transaction((tx) => storeCalls(tx, workspaceId, calls, attemptResults, { triggers: options.triggers }), {
      timeout: 60_000,
      maxWait: 30_000,
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
    });
    return attemptResults;
  });
}

/** Attempts at a transaction that lost a race for a new id or a deadlock, before the error is let through. */
const RACE_ATTEMPTS = 4;

/**
 * Runs a storing transaction, and again when it lost a race: two transactions created the same new
 * user or anonymous id at once (the one that lost starts over and finds the profile the other
 * committed), or the database broke a deadlock (retried after a short random pause so the two do not
 * collide again). Shared by the synchronous path and the intake fold.
 */
export async function retryLostRaces<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= RACE_ATTEMPTS || !(isUniqueViolation(error) || isWriteConflict(error))) throw error;
      if (isWriteConflict(error))
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}

export type StoreOptions = {
  /** Which new track events may fire triggered sends (all when absent); conversions are attributed for all. */
  triggers?: (event: { occurredAt: Date }) => boolean;
};

/**
 * One attempt at storing validated calls (unique messageIds, unique indexes), in `tx`; fills in
 * `results` for the calls it decides. Shared by the synchronous path and the intake fold.
 */
export async function storeCalls(
  tx: Tx,
  workspaceId: string,
  calls: Call[],
  results: ItemResult[],
  options: StoreOptions = {},
): Promise<void> {
  const stored = await tx.$queryRaw<{ messageId: string }[]>(
    storedMessageIdsSql(
      workspaceId,
      calls.map((c) => c.messageId),
    ),
  );
  const replayed = new Set(stored.map((row) => row.messageId));
  const fresh = calls.filter((call) => {
    if (!replayed.has(call.messageId)) return true;
    results[call.index] = { index: call.index, messageId: call.messageId, status: "duplicate" };
    return false;
  });
  if (fresh.length === 0) return;

  const { profileOf, merges, rejections } = await resolveIdentities(tx, workspaceId, fresh);
  for (const rejection of rejections) results[rejection.index] = { ...rejection, status: "rejected" };
  await mergeProfiles(tx, workspaceId, merges);
  const accepted = fresh.filter((call) => profileOf.has(call.index));
  if (accepted.length === 0) return;
  const locked = await tx.$queryRaw<LockedProfile[]>(
    lockProfilesSql(workspaceId, [...new Set(accepted.map((call) => profileOf.get(call.index)!))]),
  );
  const timezones = new Map<string, string>(); // set by this batch's identifies

  const identifies = accepted.filter((call) => call.kind === "identify");
  if (identifies.length > 0) {
    // Later calls win: fold each profile's identifies in order into one update.
    const folded = new Map<
      string,
      { traits: Record<string, unknown>; consent: Record<string, boolean>; fields: Record<string, string | null> }
    >();
    for (const call of identifies) {
      const id = profileOf.get(call.index)!;
      const current = folded.get(id) ?? { traits: {}, consent: {}, fields: {} };
      const { consent: _consent, ...traits } = call.traits;
      const fields = Object.fromEntries(
        Object.entries(profileFields(call.traits, call.context)).filter(([, v]) => v !== null),
      );
      folded.set(id, {
        traits: { ...current.traits, ...traits },
        consent: { ...current.consent, ...consentOf(call.traits) },
        fields: { ...current.fields, ...fields },
      });
      if (fields.timezone) timezones.set(id, fields.timezone);
    }
    const ids = [...folded.keys()];
    const field = (name: string) => ids.map((id) => folded.get(id)!.fields[name] ?? null);
    await tx.$executeRaw(
      applyTraitsSql(workspaceId, {
        ids,
        traits: ids.map((id) => JSON.stringify(folded.get(id)!.traits)),
        consent: ids.map((id) => JSON.stringify(folded.get(id)!.consent)),
        email: field("email"),
        phone: field("phone"),
        locale: field("locale"),
        timezone: field("timezone"),
        country: field("country"),
        city: field("city"),
        platform: field("platform"),
      }),
    );
    await learnTraits(
      tx,
      workspaceId,
      identifies.map((call) => call.traits),
    );
  }

  const insertedIds = await insertEvents(
    tx,
    workspaceId,
    accepted.map((c) => ({
      profileId: profileOf.get(c.index)!,
      name: c.name,
      occurredAt: c.occurredAt,
      receivedAt: c.receivedAt,
      messageId: c.messageId,
      properties: c.kind === "identify" ? { traits: c.traits } : c.properties,
      campaignId: optionalText(c.properties[PROMOTED[0]]),
      variantId: optionalText(c.properties[PROMOTED[1]]),
      channel: optionalText(c.properties[PROMOTED[2]]),
      revenue: revenueOf(c),
    })),
    locked,
    timezones,
  );
  for (const call of accepted) {
    // Not inserted here means a concurrent request stored the same messageId first.
    results[call.index] = {
      index: call.index,
      messageId: call.messageId,
      status: insertedIds.has(call.messageId) ? "accepted" : "duplicate",
    };
  }
  // Conversions and triggered sends happen with the events that cause them: both commit or neither does.
  const tracked = accepted.filter((c) => c.kind === "track" && insertedIds.has(c.messageId));
  await onEventsIngested(
    tx,
    workspaceId,
    tracked.map((c) => ({
      profileId: profileOf.get(c.index)!,
      name: c.name,
      occurredAt: c.occurredAt,
      messageId: c.messageId,
      properties: c.properties,
      revenue: eventRevenue(c),
    })),
    options.triggers,
  );
}
