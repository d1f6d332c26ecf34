import { isActivity } from "../activity";

/**
 * The running counts behind two computed traits — category views (favourite category) and events
 * per hour of the profile's day (active hour) — advanced in the server, not in the ingest statement:
 * merging them in SQL cost three more Profile lookups and two jsonb re-aggregations per batch,
 * about a quarter of the statement. recomputeTraitsSql computes the same from raw events; the
 * rules here (which events count, how ties break) must stay the ones it uses.
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

/** The key with the highest count; a tie goes to the key first in code-point order (tailor_top_key). */
export function topKey(counts: Counts): string | null {
  let top: string | null = null;
  for (const [key, n] of Object.entries(counts)) {
    if (top === null || n > counts[top]! || (n === counts[top] && byCodePoint(key, top) < 0)) top = key;
  }
  return top;
}

/** A profile as lockProfilesSql reads it. */
export type LockedProfile = { id: string; timezone: string | null; categoryViews: Counts; hourCounts: Counts };

/** An event of the batch, as far as the running counts care. */
export type CountedEvent = { profileId: string; name: string; occurredAt: Date; properties: Record<string, unknown> };

/**
 * A profile's running counts after this batch, with their top keys; null views keep what the
 * profile has (a batch without views leaves the favourite category alone).
 */
export type CountRow = {
  profileId: string;
  categoryViews: Counts | null;
  favouriteCategory: string | null;
  hourCounts: Counts;
  activeHour: number;
};

/**
 * The batch's activity folded into the locked profiles' counts; `timezones` overrides a profile's zone (set by this
 * batch).
 */
export function advanceCounts(
  locked: readonly LockedProfile[],
  events: readonly CountedEvent[],
  timezones: ReadonlyMap<string, string> = new Map(),
): CountRow[] {
  const added = new Map<string, { views: Counts; hours: Counts }>();
  const profiles = new Map(locked.map((p) => [p.id, p]));
  for (const event of events) {
    const profile = profiles.get(event.profileId);
    if (!profile || !isActivity(event.name)) continue;
    const counts = added.get(profile.id) ?? { views: {}, hours: {} };
    added.set(profile.id, counts);
    const hour = String(hourOfDay(event.occurredAt, timezones.get(profile.id) ?? profile.timezone));
    counts.hours[hour] = (counts.hours[hour] ?? 0) + 1;
    const category = categoryOf(event.name, event.properties);
    if (category !== null) counts.views[category] = (counts.views[category] ?? 0) + 1;
  }
  return [...added].map(([id, { views, hours }]) => {
    const profile = profiles.get(id)!;
    const categoryViews = Object.keys(views).length > 0 ? addCounts(profile.categoryViews, views) : null;
    const hourCounts = addCounts(profile.hourCounts, hours);
    return {
      profileId: id,
      categoryViews,
      favouriteCategory: categoryViews && topKey(categoryViews),
      hourCounts,
      activeHour: Number(topKey(hourCounts)),
    };
  });
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
