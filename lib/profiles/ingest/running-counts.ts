import { isActivity } from "../activity";

/**
 * The running counts behind two computed traits — category views (favourite category) and events
 * per hour of the profile's day (active hour), ProfileCounter rows — and their top keys, advanced
 * in the server, not in the ingest statement: merging them in SQL cost more Profile lookups and
 * re-aggregations per batch, about a quarter of the statement. recomputeTraitsSql computes the same
 * from raw events; the rules here (which events count, how ties break) must stay the ones it uses.
 */
export type Counts = Record<string, number>;

/** The views that feed the favourite category. */
export const VIEW_EVENTS = ["product_view", "page_view"] as const;

/** A view's category, the key it is counted under: a string (a number's JSON text differs between engines). */
export function categoryOf(name: string, properties: Record<string, unknown>): string | null {
  const value = properties.category;
  return (VIEW_EVENTS as readonly string[]).includes(name) && typeof value === "string" ? value : null;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) on the wall clock of `timezone` (UTC when null) at `at`. */
export function hourOfDay(at: Date, timezone: string | null): number {
  if (!timezone || timezone === "UTC") return at.getUTCHours();
  let format = hourFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour: "numeric", hourCycle: "h23" });
    hourFormats.set(timezone, format);
  }
  return Number(format.format(at)) % 24;
}

/** `added` folded into `current`, key by key. */
export function addCounts(current: Counts, added: Counts): Counts {
  const sum: Counts = { ...current };
  for (const [key, n] of Object.entries(added)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

// Code-point order, as PostgreSQL's "C" collation sorts: the same tie-break on every database.
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The key with the highest count; a tie goes to the key first in code-point order, as recomputeTraitsSql breaks ties (COLLATE "C"). */
export function topKey(counts: Counts): string | null {
  let top: string | null = null;
  for (const [key, n] of Object.entries(counts)) {
    if (top === null || n > counts[top]! || (n === counts[top] && byCodePoint(key, top) < 0)) top = key;
  }
  return top;
}

/** What a running count counts: views per category, or activity per hour of the profile's day. */
export type CounterKind = "category" | "hour";

/** One running count: a ProfileCounter row, or what a batch adds to one. */
export type CounterRow = { profileId: string; kind: CounterKind; key: string; count: number };

/** A profile as lockProfilesSql reads it: its time zone and the top keys stored from its counters. */
export type LockedProfile = {
  id: string;
  timezone: string | null;
  favouriteCategory: string | null;
  activeHour: number | null;
};

/** An event of the batch, as far as the running counts care. */
export type CountedEvent = { profileId: string; name: string; occurredAt: Date; properties: Record<string, unknown> };

/**
 * A profile's top keys after this batch, each null where it stays what the profile has: a batch
 * without views leaves the favourite category alone, and an unchanged top key is not rewritten.
 */
export type TopKeyRow = { profileId: string; favouriteCategory: string | null; activeHour: number | null };

/** What a batch does to the running counts: rows to add to ProfileCounter, and the top keys that changed. */
export type AdvancedCounts = { added: CounterRow[]; topKeys: TopKeyRow[] };

/**
 * The batch's activity counted per locked profile and key (`added`), and the top keys of
 * `counters` (the locked profiles' ProfileCounter rows, read after the lock) plus those counts.
 * Counts only grow, so a top key never goes back to null. `timezones` overrides a profile's zone
 * (set by this batch).
 */
export function advanceCounts(
  locked: readonly LockedProfile[],
  counters: readonly CounterRow[],
  events: readonly CountedEvent[],
  timezones: ReadonlyMap<string, string> = new Map(),
): AdvancedCounts {
  const batch = new Map<string, { category: Counts; hour: Counts }>();
  const profiles = new Map(locked.map((p) => [p.id, p]));
  for (const event of events) {
    const profile = profiles.get(event.profileId);
    if (!profile || !isActivity(event.name)) continue;
    const counts = batch.get(profile.id) ?? { category: {}, hour: {} };
    batch.set(profile.id, counts);
    const hour = String(hourOfDay(event.occurredAt, timezones.get(profile.id) ?? profile.timezone));
    counts.hour[hour] = (counts.hour[hour] ?? 0) + 1;
    const category = categoryOf(event.name, event.properties);
    if (category !== null) counts.category[category] = (counts.category[category] ?? 0) + 1;
  }
  const stored = new Map<string, { category: Counts; hour: Counts }>();
  for (const row of counters) {
    if (!batch.has(row.profileId)) continue;
    const counts = stored.get(row.profileId) ?? { category: {}, hour: {} };
    stored.set(row.profileId, counts);
    counts[row.kind][row.key] = row.count;
  }
  const added: CounterRow[] = [];
  const topKeys: TopKeyRow[] = [];
  for (const [id, counts] of batch) {
    const profile = profiles.get(id)!;
    const before = stored.get(id) ?? { category: {}, hour: {} };
    for (const kind of ["category", "hour"] as const) {
      for (const [key, count] of Object.entries(counts[kind])) added.push({ profileId: id, kind, key, count });
    }
    const category =
      Object.keys(counts.category).length > 0 ? topKey(addCounts(before.category, counts.category)) : null;
    const hour = topKey(addCounts(before.hour, counts.hour));
    const activeHour = hour === null ? null : Number(hour);
    topKeys.push({
      profileId: id,
      favouriteCategory: category === profile.favouriteCategory ? null : category,
      activeHour: activeHour === profile.activeHour ? null : activeHour,
    });
  }
  return { added, topKeys };
}

/**
 * Profiles whose merged counts included an event that was not inserted (stored first by a
 * concurrent request, or a repeat) while another of theirs was: their counts must be recomputed.
 * A profile with nothing inserted is not updated at all.
 */
export function miscountedProfiles(
  events: readonly { profileId: string; name: string; messageId: string }[],
  inserted: ReadonlySet<string>,
): string[] {
  const stored = new Set<string>();
  const missed = new Set<string>();
  for (const e of events) if (isActivity(e.name)) (inserted.has(e.messageId) ? stored : missed).add(e.profileId);
  return [...missed].filter((id) => stored.has(id));
}
