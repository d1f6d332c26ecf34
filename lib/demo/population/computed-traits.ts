import { isActivity } from "@/lib/profiles/activity";
import { categoryOf, type CounterRow, type Counts, hourOfDay, topKey } from "@/lib/profiles/ingest/running-counts";
import type { DemoEvent } from "./generate-population";

/**
 * A profile's computed-trait columns and running counts (its ProfileCounter rows, countersOf), as
 * recomputeTraitsSql sets them (lib/profiles/ingest/sql.ts).
 */
export type ComputedTraits = {
  ordersCount: number;
  ltv: string;
  aov: string | null;
  lastPurchaseAt: Date | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  categoryViews: Counts;
  favouriteCategory: string | null;
  hourCounts: Counts;
  activeHour: number | null;
};

/**
 * Cents of a stored revenue: the events are written with toFixed(2), and summed exactly as PostgreSQL sums numerics.
 */
const cents = (revenue: number) => Number(revenue.toFixed(2).replace(".", ""));
const money = (c: number) =>
  `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;

/**
 * A generated profile's computed traits from its own events, so the seed writes each profile once
 * instead of loading it and then updating every row (at 1M profiles the update rewrote a 450 MB table
 * through six indexes, then VACUUM FULL rewrote it again). The rules are recomputeTraitsSql's —
 * activity is isActivity, views and hours are the running counts' (categoryOf, hourOfDay, topKey) —
 * and tests/demo-population.test.ts holds the two to each other.
 */
export function computedTraitsOf(timezone: string | null, events: readonly DemoEvent[]): ComputedTraits {
  let orders = 0;
  let revenue = 0;
  let lastPurchaseAt: Date | null = null;
  let firstSeenAt: Date | null = null;
  let lastSeenAt: Date | null = null;
  const categoryViews: Counts = {};
  const hourCounts: Counts = {};
  for (const e of events) {
    if (!isActivity(e.name)) continue;
    if (!firstSeenAt || e.occurredAt < firstSeenAt) firstSeenAt = e.occurredAt;
    if (!lastSeenAt || e.occurredAt > lastSeenAt) lastSeenAt = e.occurredAt;
    if (e.name === "purchase") {
      orders++;
      revenue += e.revenue === null ? 0 : cents(e.revenue);
      if (!lastPurchaseAt || e.occurredAt > lastPurchaseAt) lastPurchaseAt = e.occurredAt;
    }
    const hour = String(hourOfDay(e.occurredAt, timezone));
    hourCounts[hour] = (hourCounts[hour] ?? 0) + 1;
    const category = categoryOf(e.name, e.properties);
    if (category !== null) categoryViews[category] = (categoryViews[category] ?? 0) + 1;
  }
  const active = topKey(hourCounts);
  return {
    ordersCount: orders,
    ltv: money(revenue),
    // round(ltv / orders, 2): half away from zero, as PostgreSQL rounds numerics.
    aov: orders > 0 ? money(Math.sign(revenue) * Math.round(Math.abs(revenue) / orders)) : null,
    lastPurchaseAt,
    firstSeenAt,
    lastSeenAt,
    categoryViews,
    favouriteCategory: topKey(categoryViews),
    hourCounts,
    activeHour: active === null ? null : Number(active),
  };
}

/** The ProfileCounter rows of a profile's running counts. */
export function countersOf(profileId: string, traits: Pick<ComputedTraits, "categoryViews" | "hourCounts">) {
  const rows: CounterRow[] = [];
  for (const [key, count] of Object.entries(traits.categoryViews))
    rows.push({ profileId, kind: "category", key, count });
  for (const [key, count] of Object.entries(traits.hourCounts)) rows.push({ profileId, kind: "hour", key, count });
  return rows;
}
