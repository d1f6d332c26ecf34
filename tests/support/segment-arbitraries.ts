import { CHANNELS } from "@/lib/profiles/channels";
import {
  PROFILE_FIELDS,
  TRAIT_PREFIX,
  definitionSchema,
  type Comparison,
  type EventWindow,
  type EventMeasure,
  type ProfileField,
  type PropertyFilter,
  type SegmentDefinition,
  type SegmentNode,
  type ValueType,
} from "@/lib/segments/schema";
import {
  parseIsoDate,
  type Json,
  type JsonObject,
  type OracleEvent,
  type OracleProfile,
  type OraclePopulation,
} from "./segment-oracle";

/*
 * Seeded random populations and definition trees for checking the segment compiler against the
 * oracle. A plain seeded PRNG rather than fast-check arbitraries: comparison values are drawn from
 * the population that was generated first, and one integer seed replays a whole run exactly.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: tiny, fast and good enough to drive test data; the same seed gives the same run. */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by weight: [[weight, value], …]. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    let r = this.next() * choices.reduce((s, [w]) => s + w, 0);
    for (const [w, v] of choices) {
      r -= w;
      if (r < 0) return v;
    }
    return choices[choices.length - 1]![1];
  }
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }
}

const iso = (t: number) => new Date(t).toISOString();
const cents = (x: number) => Math.round(x * 100) / 100;

/** The same instant written the many ways a date trait arrives in: all valid ISO-8601. */
function dateText(rng: Rng, t: number): string {
  const z = iso(t);
  const shifted = (minutes: number, colon: boolean) => {
    const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
    const sign = minutes < 0 ? "-" : "+";
    const a = Math.abs(minutes);
    const hh = String(Math.floor(a / 60)).padStart(2, "0");
    const mm = String(a % 60).padStart(2, "0");
    return `${local}${sign}${hh}${colon ? ":" : ""}${mm}`;
  };
  return rng.weighted<() => string>([
    [4, () => z], // 2026-11-03T10:20:30.123Z
    [2, () => z.slice(0, 19) + "Z"],
    [2, () => z.slice(0, 10)], // a date alone: midnight UTC
    [2, () => z.slice(0, 19)], // no offset: UTC
    [1, () => z.slice(0, 16)], // minutes only
    [1, () => z.slice(0, 16) + "Z"],
    [1, () => z.slice(0, 23) + String(rng.int(1, 999)).padStart(3, "0") + "Z"], // microseconds
    [1, () => z.slice(0, 10) + " " + z.slice(11, 19)], // space instead of T
    [2, () => shifted(rng.pick([120, 330, -300, -420, 60]), true)],
    [1, () => shifted(rng.pick([120, -300]), false)],
  ])();
}

/** Strings that look like dates but are not ISO-8601 (or not real days): missing, never an error. */
const MALFORMED_DATES = [
  "2026-02-30",
  "2026-13-01",
  "2026-11-31T10:00:00Z",
  "2026-11-01T25:00:00Z",
  "yesterday",
  "",
  "2026/11/01",
  "01.11.2026",
  "20261101",
  "2026-11-01T10",
  "Nov 1, 2026",
];

/** Text with characters SQL, LIKE and JSON paths care about. */
const TRICKY_TEXT = [
  "50%_off",
  "a_b",
  "100%",
  "O'Brien",
  'say "hi"',
  "back\\slash",
  "semi;colon",
  "-- comment",
  "Zürich",
  "🎉 party",
  "",
  " padded ",
  "UPPER",
  "upper",
  "$.a.b",
  "{a,b}",
];

export type GeneratedPopulation = OraclePopulation & { now: Date };

/**
 * ≈150–300 profiles and a few thousand events over the last ~60 days, with a few in the last hours,
 * some exactly on window boundaries (midnight UTC, now − N h) and a few minutes in the future.
 */
export function generatePopulation(rng: Rng): GeneratedPopulation {
  // A `now` far from the wall clock, so a compiler that reads the database's now() shows; sometimes
  // just after midnight UTC, where "today" and "last N hours" differ most.
  const day = Date.UTC(2026, 10, 10) + rng.int(0, 15) * DAY;
  const now = new Date(
    day +
      rng.weighted([
        [2, rng.int(0, 90)],
        [3, rng.int(0, 1439)],
      ]) *
        60_000 +
      rng.int(0, 59_999),
  );
  const t0 = now.getTime();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  const eventTime = (): number =>
    rng.weighted<() => number>([
      [70, () => t0 - Math.floor(rng.next() * 60 * DAY)],
      [6, () => t0 - Math.floor(rng.next() * 6 * HOUR)],
      [4, () => midnight - rng.int(0, 60) * DAY], // exactly at a "last N days" cutoff
      [4, () => t0 - rng.pick([1, 2, 6, 24, 48, 72]) * HOUR], // exactly at a "last N hours" cutoff
      [2, () => t0 - 1 - rng.pick([1, 24]) * HOUR], // a millisecond outside one
      [5, () => t0 - Math.floor((60 + rng.next() * 340) * DAY)], // long ago: "ever" and first/last
      [1, () => t0 + rng.int(1, 10) * 60_000], // slightly in the future: counts as today
    ])();

  const EVENTS: readonly (readonly [number, string])[] = [
    [30, "page_view"],
    [25, "product_view"],
    [10, "add_to_cart"],
    [8, "purchase"],
    [8, "app_open"],
    [5, "email_open"],
    [4, "message_sent"],
    [2, "$identify"],
    [2, "sign up"],
    [1, "checkout's step"],
  ];
  const CATEGORIES = ["shoes", "bags", "hats", "Shoes", "a_b", "50%"];

  const properties = (name: string): JsonObject => {
    const p: JsonObject = {};
    if (["page_view", "product_view", "add_to_cart", "purchase"].includes(name) && rng.chance(0.85))
      p.category = rng.pick(CATEGORIES);
    if (["product_view", "add_to_cart", "purchase"].includes(name)) {
      const price = rng.weighted<Json>([
        [6, rng.pick([9.99, 19.99, 49.5, 100, 250])],
        [2, rng.int(1, 300)],
        [1, "19.99"], // a number as a string: missing for number filters
        [1, null],
      ]);
      if (rng.chance(0.8)) p.price = price;
    }
    if (name === "purchase" && rng.chance(0.5)) p.coupon = rng.pick(TRICKY_TEXT);
    // The compiler reads number filters on `revenue` through an expression index: more than two
    // decimals, a number as a string and null must behave as for any other key.
    if (name === "purchase" && rng.chance(0.8)) {
      p.revenue = rng.weighted<Json>([
        [6, rng.pick([150, 149.995, 150.004, 0.1, 1e-7, 12345.678])],
        [3, rng.int(1, 300)],
        [1, "150"],
        [1, null],
      ]);
    }
    if (rng.chance(0.3))
      p.is_gift = rng.weighted<Json>([
        [5, true],
        [5, false],
        [1, "true"],
      ]);
    if (rng.chance(0.25)) p.shipped_at = rng.chance(0.85) ? dateText(rng, eventTime()) : rng.pick(MALFORMED_DATES);
    if (rng.chance(0.1)) p["a.b"] = rng.pick(["x", "y"]);
    if (rng.chance(0.1)) p.a = { b: rng.pick(["x", "y"]) };
    if (name === "email_open" && rng.chance(0.7)) p.campaign = rng.pick(["welcome", "winback", "Welcome"]);
    return p;
  };

  const profiles: OracleProfile[] = [];
  const events: OracleEvent[] = [];
  const n = rng.int(150, 300);
  for (let i = 0; i < n; i++) {
    const id = `p${String(i).padStart(4, "0")}`;
    const mine: OracleEvent[] = [];
    if (!rng.chance(0.1)) {
      const k = rng.weighted([
        [3, rng.int(1, 5)],
        [4, rng.int(5, 20)],
        [2, rng.int(20, 40)],
      ]);
      for (let j = 0; j < k; j++) {
        const name = rng.weighted(EVENTS);
        mine.push({ profileId: id, name, occurredAt: new Date(eventTime()), properties: properties(name) });
      }
    }
    events.push(...mine);

    const traits: JsonObject = {};
    const maybe = (key: string, p: number, value: () => Json) => {
      if (rng.chance(p)) traits[key] = value();
    };
    maybe("plan", 0.75, () =>
      rng.weighted<Json>([
        [8, rng.pick(["gold", "silver", "bronze"])],
        [1, "Gold"],
        [1, 1],
        [1, null],
      ]),
    );
    maybe("age", 0.7, () =>
      rng.weighted<Json>([
        [8, rng.int(18, 80)],
        [1, "42"],
        [1, 42],
        [1, null],
      ]),
    );
    maybe("score", 0.6, () =>
      rng.weighted<Json>([
        [6, cents((rng.next() - 0.3) * 200)],
        [1, 0],
        [1, -1.5],
        [1, 1e15],
      ]),
    );
    maybe("vip", 0.6, () =>
      rng.weighted<Json>([
        [8, rng.chance(0.5)],
        [1, "true"],
        [1, 1],
      ]),
    );
    maybe("signup_date", 0.7, () =>
      rng.weighted<() => Json>([
        [8, () => dateText(rng, eventTime())],
        [2, () => rng.pick(MALFORMED_DATES)],
        [1, () => t0],
      ])(),
    );
    maybe("renewal_at", 0.4, () => dateText(rng, t0 + rng.int(-30, 30) * DAY + rng.int(0, 86_399) * 1000));
    maybe("nickname", 0.5, () => rng.pick(TRICKY_TEXT));
    maybe("a.b", 0.15, () => rng.pick(["dotted", "x"]));
    maybe("a", 0.15, () => ({ b: rng.pick(["dotted", "nested"]) }));
    maybe("tags", 0.2, () => ["x", "y"]);
    maybe("push_token", 0.45, () => (rng.chance(0.9) ? `tok-${i}` : ""));
    maybe("web_push_subscription", 0.25, () =>
      rng.weighted<Json>([
        [17, { endpoint: `https://push.example/${i}` }],
        [2, `sub-${i}`],
        [1, null],
      ]),
    );
    maybe("messenger_chat_id", 0.25, () => (rng.chance(0.8) ? `chat-${i}` : 12345));

    const consent: JsonObject = {};
    for (const channel of CHANNELS) {
      const c = rng.weighted<Json | undefined>([
        [55, true],
        [20, false],
        [2, "true"],
        [23, undefined],
      ]);
      if (c !== undefined) consent[channel] = c;
    }

    const orders = rng.chance(0.4) ? 0 : rng.int(1, 12);
    const ltv = orders > 0 ? cents(orders * (5 + rng.next() * 150)) : rng.chance(0.05) ? 12.5 : 0;
    // lastSeenAt follows the customer's own activity, never later than now (see the report on
    // daysSinceLastSeen for future timestamps); a profile with no activity has never been seen.
    const activity = mine
      .filter((e) => !e.name.startsWith("$") && e.name !== "message_sent")
      .map((e) => e.occurredAt.getTime());
    const past = activity.filter((t) => t <= t0);
    profiles.push({
      id,
      externalId: rng.chance(0.7) ? `user-${i}` : i === 3 ? "" : null,
      email: rng.weighted<string | null>([
        [14, `person${i}@example.com`],
        [2, `Person${i}@Example.com`],
        [1, ""],
        [5, null],
      ]),
      phone: rng.weighted<string | null>([
        [10, `+49151${String(i).padStart(7, "0")}`],
        [1, ""],
        [10, null],
      ]),
      locale: rng.weighted<string | null>([
        [8, rng.pick(["en-US", "de-DE", "fr-FR", "en-GB"])],
        [2, null],
      ]),
      timezone: rng.weighted<string | null>([
        [8, rng.pick(["Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo"])],
        [2, null],
      ]),
      country: rng.weighted<string | null>([
        [8, rng.pick(["DE", "US", "FR", "GB", "CH"])],
        [1, "de"],
        [2, null],
      ]),
      city: rng.weighted<string | null>([
        [8, rng.pick(["Berlin", "Zürich", "München", "Paris", "New York", "O'Fallon", "東京"])],
        [1, ""],
        [2, null],
      ]),
      platform: rng.weighted<string | null>([
        [8, rng.pick(["ios", "android", "web"])],
        [1, "iOS"],
        [2, null],
      ]),
      traits,
      consent,
      ordersCount: orders,
      ltv,
      aov: orders > 0 ? cents(ltv / orders) : null,
      lastPurchaseAt: orders > 0 ? new Date(eventTime()) : null,
      firstSeenAt: activity.length ? new Date(Math.min(...activity)) : null,
      lastSeenAt: past.length ? new Date(Math.max(...past)) : null,
      favouriteCategory: rng.weighted<string | null>([
        [6, rng.pick(CATEGORIES)],
        [3, null],
      ]),
      activeHour: rng.chance(0.7) ? rng.int(0, 23) : null,
    });
  }
  return { profiles, events, now };
}

/** Values seen in the population, per trait key / property key and type, to draw comparisons from. */
export type ValuePools = {
  now: Date;
  traitKeys: string[];
  traits: Map<string, Pools>;
  columns: Map<ProfileField, Pools>;
  eventNames: string[];
  properties: Map<string, Map<string, Pools>>;
  eventTimes: number[];
};
type Pools = { string: string[]; number: number[]; boolean: boolean[]; date: number[] };
const emptyPools = (): Pools => ({ string: [], number: [], boolean: [], date: [] });

function addToPools(pools: Pools, value: Json | undefined) {
  if (typeof value === "string") {
    pools.string.push(value);
    const t = parseIsoDate(value);
    if (t !== null) pools.date.push(t);
  } else if (typeof value === "number") pools.number.push(value);
  else if (typeof value === "boolean") pools.boolean.push(value);
}

export function valuePools(population: GeneratedPopulation): ValuePools {
  const traits = new Map<string, Pools>();
  const columns = new Map<ProfileField, Pools>();
  for (const field of Object.keys(PROFILE_FIELDS) as ProfileField[]) columns.set(field, emptyPools());
  for (const p of population.profiles) {
    for (const [key, value] of Object.entries(p.traits)) {
      if (!traits.has(key)) traits.set(key, emptyPools());
      addToPools(traits.get(key)!, value);
    }
    for (const field of Object.keys(PROFILE_FIELDS) as ProfileField[]) {
      if (field === "daysSinceLastSeen") {
        if (p.lastSeenAt)
          columns.get(field)!.number.push(Math.floor((population.now.getTime() - p.lastSeenAt.getTime()) / DAY));
        continue;
      }
      const v = p[field];
      if (v instanceof Date) columns.get(field)!.date.push(v.getTime());
      else if (typeof v === "number") columns.get(field)!.number.push(v);
      else if (typeof v === "string") columns.get(field)!.string.push(v);
    }
  }
  const properties = new Map<string, Map<string, Pools>>();
  for (const e of population.events) {
    if (!properties.has(e.name)) properties.set(e.name, new Map());
    const byKey = properties.get(e.name)!;
    for (const [key, value] of Object.entries(e.properties)) {
      if (!byKey.has(key)) byKey.set(key, emptyPools());
      addToPools(byKey.get(key)!, value);
    }
  }
  return {
    now: population.now,
    traitKeys: [...traits.keys()],
    traits,
    columns,
    eventNames: [...properties.keys()],
    properties,
    eventTimes: population.events.map((e) => e.occurredAt.getTime()),
  };
}

const AMOUNTS = { hours: [1, 2, 6, 24, 48, 72, 200], days: [1, 2, 7, 14, 30, 60, 365] } as const;

// micros: 0, or microseconds (1–999) written after the milliseconds — instants zod accepts and
// the spec orders exactly, between two millisecond event timestamps.
type InstantStyle = { seconds: boolean; micros: number; offset: number };
const instantStyle = (rng: Rng, microseconds = true): InstantStyle => {
  const seconds = rng.chance(0.5);
  const micros = rng.chance(0.1) ? rng.int(1, 999) : 0;
  return {
    seconds,
    micros: !seconds && microseconds ? micros : 0,
    offset: rng.chance(0.75) ? 0 : rng.pick([120, -300, 330]),
  };
};

/** A definition instant (zod wants an offset): usually Z, sometimes a local time with its offset. */
function instantText(rng: Rng, t: number, style: InstantStyle): string {
  // Whole seconds drop the milliseconds, so the instant moves to the start of its second.
  const at = style.seconds ? Math.floor(t / 1000) * 1000 : t;
  let local = new Date(at + style.offset * 60_000).toISOString().slice(0, style.seconds ? 19 : 23);
  if (style.micros) local += String(style.micros).padStart(3, "0");
  if (style.offset === 0) return `${local}Z`;
  const a = Math.abs(style.offset);
  return `${local}${style.offset < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/**
 * Both ends of a range in one style: the schema checks `from <= to` on the strings, which only
 * orders instants written alike (see the report: "…T21:29:26+05:30" to "…T15:59:26Z" is rejected).
 */
function instantRange(rng: Rng, a: number, b: number, microseconds: boolean): { from: string; to: string } {
  const style = instantStyle(rng, microseconds);
  return { from: instantText(rng, Math.min(a, b), style), to: instantText(rng, Math.max(a, b), style) };
}

/** A comparison of the given type whose value comes from `pool` often enough to split the population. */
function comparison(
  rng: Rng,
  type: ValueType,
  pool: Pools,
  now: Date,
  fallbackTimes: number[],
  microseconds: boolean,
): Comparison {
  // The schema wants non-empty values to compare with (empty strings still occur in the data).
  const seen = pool.string.filter((v) => v.length > 0);
  const strings = seen.length ? seen : ["gold", "DE", "x"];
  const numbers = pool.number.length ? pool.number : [0, 1, 42];
  const dates = pool.date.length ? pool.date : fallbackTimes;
  const exists = rng.chance(0.12);
  if (exists) return { type, op: rng.pick(["exists", "not_exists"] as const) };
  switch (type) {
    case "string": {
      const op = rng.pick(["equals", "not_equals", "contains", "starts_with", "ends_with", "in", "not_in"] as const);
      if (op === "in" || op === "not_in") {
        const values = Array.from({ length: rng.int(1, 4) }, () => rng.pick(strings));
        if (rng.chance(0.2)) values.push("never-seen");
        return { type, op, values };
      }
      const v = rng.pick(strings);
      if (op === "contains" || op === "starts_with" || op === "ends_with") {
        // A piece of a real value: `%`, `_` and `\` in it must be matched literally. Cut by code
        // point: half an emoji is not text (the schema refuses lone surrogates).
        const chars = Array.from(v);
        const a = rng.int(0, Math.max(0, chars.length - 1));
        const cut = (from: number, to?: number) => chars.slice(from, to).join("");
        const piece =
          op === "starts_with"
            ? cut(0, rng.int(1, Math.max(1, chars.length)))
            : op === "ends_with"
              ? cut(a)
              : cut(a, a + rng.int(1, 3));
        return { type, op, value: rng.chance(0.1) ? rng.pick(["%", "_", "\\", "'"]) : piece || v };
      }
      return { type, op, value: v };
    }
    case "number": {
      const op = rng.pick(["eq", "neq", "gt", "gte", "lt", "lte", "between"] as const);
      const v = () => (rng.chance(0.8) ? rng.pick(numbers) : cents((rng.pick(numbers) + rng.pick(numbers)) / 2));
      if (op === "between") {
        const [a, b] = [v(), v()];
        return { type, op, min: Math.min(a, b), max: Math.max(a, b) };
      }
      return { type, op, value: v() };
    }
    case "boolean":
      return { type, op: "is", value: rng.chance(0.5) };
    case "date": {
      const op = rng.pick(["before", "after", "between", "within_last", "more_than_ago"] as const);
      if (op === "within_last" || op === "more_than_ago") {
        const unit = rng.pick(["hours", "days"] as const);
        return { type, op, amount: rng.pick(AMOUNTS[unit]), unit };
      }
      const v = () =>
        rng.chance(0.7) ? rng.pick(dates) : now.getTime() - rng.int(0, 60) * DAY - rng.int(0, 86_399_999);
      if (op === "between") {
        const [a, b] = [v(), v()];
        return { type, op, ...instantRange(rng, a, b, microseconds) };
      }
      return { type, op, value: instantText(rng, v(), instantStyle(rng, microseconds)) };
    }
  }
}

/** The type a pool mostly holds, so most conditions read values that exist; sometimes any type. */
function likelyType(rng: Rng, pool: Pools | undefined): ValueType {
  const types: ValueType[] = ["string", "number", "boolean", "date"];
  if (!pool || rng.chance(0.2)) return rng.pick(types);
  // A date pool is also a string pool; prefer dates when most strings are dates.
  const sizes: [number, ValueType][] = [
    [pool.string.length - pool.date.length, "string"],
    [pool.number.length, "number"],
    [pool.boolean.length, "boolean"],
    [pool.date.length * 2, "date"],
  ];
  return rng.weighted(
    sizes.filter(([w]) => w > 0).length ? sizes.map(([w, t]) => [Math.max(w, 0), t] as const) : [[1, "string"]],
  );
}

export type TreeOptions = {
  maxDepth?: number;
  segmentIds?: string[];
  /** Event names conditions never name: a way to look past one known disagreement for others. */
  avoidEvents?: string[];
  /** Instants with microseconds (default true); off looks past the millisecond-truncation disagreement. */
  microseconds?: boolean;
  /** Every leaf an event condition on `event` with a number filter on `key`, among any others. */
  focus?: { event: string; key: string };
};

/** A random definition tree, valid under definitionSchema (the generator checks it). */
export function generateDefinition(rng: Rng, pools: ValuePools, options: TreeOptions = {}): SegmentDefinition {
  const maxDepth = options.maxDepth ?? 4;
  const segmentIds = options.segmentIds ?? [];
  const micro = options.microseconds ?? true;
  let nextId = 0;
  const id = () => (rng.chance(0.1) ? `node_${nextId++}-x` : `n${nextId++}`);
  const not = (): { not?: boolean } => (rng.chance(0.2) ? { not: true } : rng.chance(0.1) ? { not: false } : {});

  const trait = (): SegmentNode => {
    if (rng.chance(0.4)) {
      const field = rng.pick(Object.keys(PROFILE_FIELDS) as ProfileField[]);
      const type = PROFILE_FIELDS[field];
      return {
        kind: "trait",
        id: id(),
        ...not(),
        field,
        comparison: comparison(rng, type, pools.columns.get(field)!, pools.now, pools.eventTimes, micro),
      };
    }
    // Mostly keys that exist; sometimes one nobody has, or one that is a property of every JS object.
    const key = rng.weighted([
      [12, rng.pick(pools.traitKeys)],
      [1, "nonexistent"],
      [1, "constructor"],
    ]);
    const pool = pools.traits.get(key);
    const type = likelyType(rng, pool);
    return {
      kind: "trait",
      id: id(),
      ...not(),
      field: `${TRAIT_PREFIX}${key}`,
      comparison: comparison(rng, type, pool ?? emptyPools(), pools.now, pools.eventTimes, micro),
    };
  };

  const window = (): EventWindow =>
    rng.weighted<() => EventWindow>([
      [2, () => ({ type: "ever" })],
      [2, () => ({ type: "last", amount: rng.pick(AMOUNTS.hours), unit: "hours" })],
      [3, () => ({ type: "last", amount: rng.pick(AMOUNTS.days), unit: "days" })],
      [
        2,
        () => {
          const [a, b] = [rng.pick(pools.eventTimes), rng.pick(pools.eventTimes)];
          return { type: "between", ...instantRange(rng, a, b, micro) };
        },
      ],
    ])();

  const measure = (): EventMeasure =>
    rng.weighted<() => EventMeasure>([
      [
        5,
        () => ({
          type: "count",
          op: rng.pick(["at_least", "exactly", "at_most"] as const),
          count: rng.pick([0, 1, 1, 2, 3, 5, 10]),
        }),
      ],
      [2, () => ({ type: "not_performed" })],
      [2, () => ({ type: "first" })],
      [2, () => ({ type: "last" })],
    ])();

  const event = (): SegmentNode => {
    const names = pools.eventNames.filter((n) => !options.avoidEvents?.includes(n));
    const focus = options.focus;
    const name =
      focus?.event ??
      rng.weighted([
        [20, rng.pick(names)],
        [1, "never_happened"],
      ]);
    const keys = [...(pools.properties.get(name)?.keys() ?? [])];
    const where: PropertyFilter[] = [];
    if (focus)
      where.push({
        key: focus.key,
        comparison: comparison(
          rng,
          "number",
          pools.properties.get(name)?.get(focus.key) ?? emptyPools(),
          pools.now,
          pools.eventTimes,
          micro,
        ),
      });
    const filters = keys.length
      ? rng.weighted([
          [6, 0],
          [3, 1],
          [1, 2],
        ])
      : 0;
    for (let i = 0; i < filters; i++) {
      const key = rng.chance(0.95) ? rng.pick(keys) : "missing_key";
      const pool = pools.properties.get(name)?.get(key);
      where.push({
        key,
        comparison: comparison(rng, likelyType(rng, pool), pool ?? emptyPools(), pools.now, pools.eventTimes, micro),
      });
    }
    return { kind: "event", id: id(), ...not(), event: name, where, measure: measure(), window: window() };
  };

  const leaf = (): SegmentNode =>
    options.focus
      ? event()
      : rng.weighted<() => SegmentNode>([
          [45, trait],
          [35, event],
          [10, () => ({ kind: "reachable", id: id(), ...not(), channel: rng.pick(CHANNELS) })],
          [
            segmentIds.length ? 10 : 0,
            () => ({ kind: "membership", id: id(), ...not(), segmentId: rng.pick(segmentIds) }),
          ],
        ])();

  const group = (depth: number): SegmentNode & { kind: "group" } => {
    const size =
      depth >= maxDepth
        ? 0
        : rng.weighted([
            [1, 0],
            [4, 1],
            [5, 2],
            [4, 3],
            [2, 4],
          ]);
    const children: SegmentNode[] = [];
    for (let i = 0; i < size; i++) children.push(depth + 1 < maxDepth && rng.chance(0.3) ? group(depth + 1) : leaf());
    return { kind: "group", id: id(), ...not(), op: rng.pick(["and", "or"] as const), children };
  };

  const root = group(1);
  // The generator's output goes through the real schema: a tree zod rejects is a generator bug.
  const parsed = definitionSchema.safeParse({ version: 1, root });
  if (!parsed.success)
    throw new Error(`generated an invalid definition: ${JSON.stringify(parsed.error.issues)}\n${JSON.stringify(root)}`);
  return parsed.data;
}
