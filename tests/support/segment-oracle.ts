import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import {
  PROFILE_FIELDS,
  TRAIT_PREFIX,
  type Comparison,
  type EventCondition,
  type EventWindow,
  type ProfileField,
  type SegmentDefinition,
  type SegmentNode,
  type TraitCondition,
} from "@/lib/segments/schema";

/*
 * An in-memory evaluator of segment definitions, written from the semantics comment at the top of
 * lib/segments/schema.ts and nothing else: it deliberately imports only the schema's types and
 * constants, never the SQL compiler, so the two implementations can only agree by both being right.
 * It is written for clarity, not speed: a few hundred profiles and a few thousand events.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type OracleProfile = {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  timezone: string | null;
  country: string | null;
  city: string | null;
  platform: string | null;
  traits: JsonObject;
  consent: JsonObject;
  ordersCount: number;
  ltv: number;
  aov: number | null;
  lastPurchaseAt: Date | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  favouriteCategory: string | null;
  activeHour: number | null;
};

export type OracleEvent = { profileId: string; name: string; occurredAt: Date; properties: JsonObject };

export type OraclePopulation = { profiles: OracleProfile[]; events: OracleEvent[] };

export type OracleSegment =
  { kind: "dynamic"; definition: SegmentDefinition } | { kind: "static"; profileIds: string[] };

export type OracleNodeCount = { count: number; running: number | null };

export type OracleResult = {
  /** Profile id → whether the whole definition matches. */
  matches: Map<string, boolean>;
  /** The matching profile ids, sorted. */
  audience: string[];
  total: number;
  /** Node id → how many profiles that node alone matches, and the running count of its group. */
  nodes: Record<string, OracleNodeCount>;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// "A date is a JSON string that parses as an ISO-8601 date or timestamp; without an offset it is UTC."
// Parsed by hand, field by field, because Date.parse accepts non-ISO shapes and rolls impossible
// dates over (2026-02-30 → March 2) where the spec wants them to count as missing. The accepted
// shapes are the ones the database's tailor_try_timestamp accepts: a date, optionally followed by
// T or a space and hh:mm[:ss[.fraction]], optionally followed by Z, ±hh:mm or ±hhmm.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch (fractional below a millisecond), or null when the string is not an ISO-8601 date. */
export function parseIsoDate(value: string): number | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  // Instants are exact to the microsecond (PostgreSQL's precision, which rounds anything finer):
  // "…00.0005Z" is half a millisecond after "…00Z", not the same instant.
  const micros = m[7] ? Math.round(Number(`0.${m[7]}`) * 1_000_000) : 0;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 15 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  return utc.getTime() - offsetMinutes * 60_000 + micros / 1000;
}

/** The definition's own instants are validated by zod as ISO-8601 with an offset. */
function instant(value: string): number {
  const t = parseIsoDate(value);
  if (t === null) throw new Error(`oracle: not an ISO instant: ${value}`);
  return t;
}

/** "Last N hours" starts at now − N h; "last N days" at 00:00 UTC of the day N days before today (UTC). */
export function windowStart(amount: number, unit: "hours" | "days", now: Date): number {
  if (unit === "hours") return now.getTime() - amount * HOUR;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - amount);
}

// A typed value: strings and booleans as themselves, numbers as numbers, dates as epoch milliseconds.
// `undefined` is the spec's *missing*.
type Typed = string | number | boolean | undefined;

const own = (object: JsonObject, key: string): Json | undefined =>
  Object.hasOwn(object, key) ? object[key] : undefined;

/** A JSON value read as the comparison's type; anything of another type is missing. */
function fromJson(value: Json | undefined, type: Comparison["type"]): Typed {
  switch (type) {
    case "string":
      return typeof value === "string" ? value : undefined;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : undefined;
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "date":
      return typeof value === "string" ? (parseIsoDate(value) ?? undefined) : undefined;
  }
}

function profileField(profile: OracleProfile, field: ProfileField, now: Date): Typed {
  if (field === "daysSinceLastSeen") {
    // "Whole days between lastSeenAt and now": elapsed time in whole 24-hour days.
    return profile.lastSeenAt ? Math.floor((now.getTime() - profile.lastSeenAt.getTime()) / DAY) : undefined;
  }
  const value = profile[field];
  if (value === null) return undefined;
  if (value instanceof Date) return value.getTime();
  return value;
}

/** One comparison of one (possibly missing) value, exactly as the spec words it. */
export function compare(comparison: Comparison, value: Typed, now: Date): boolean {
  const missing = value === undefined;
  // Missing values fail every comparison except the negative ones and not_exists, which they pass.
  if (comparison.op === "exists") return !missing;
  if (comparison.op === "not_exists") return missing;
  switch (comparison.type) {
    case "string": {
      const v = value as string | undefined;
      switch (comparison.op) {
        case "not_equals":
          return missing || v !== comparison.value;
        case "not_in":
          return missing || !comparison.values.includes(v!);
      }
      if (missing) return false;
      switch (comparison.op) {
        case "equals":
          return v === comparison.value;
        case "contains":
          return v!.includes(comparison.value);
        case "starts_with":
          return v!.startsWith(comparison.value);
        case "ends_with":
          return v!.endsWith(comparison.value);
        case "in":
          return comparison.values.includes(v!);
      }
      break;
    }
    case "number": {
      const v = value as number | undefined;
      if (comparison.op === "neq") return missing || v !== comparison.value;
      if (missing) return false;
      switch (comparison.op) {
        case "eq":
          return v === comparison.value;
        case "gt":
          return v! > comparison.value;
        case "gte":
          return v! >= comparison.value;
        case "lt":
          return v! < comparison.value;
        case "lte":
          return v! <= comparison.value;
        case "between":
          return comparison.min <= v! && v! <= comparison.max;
      }
      break;
    }
    case "boolean":
      return !missing && comparison.op === "is" && value === comparison.value;
    case "date": {
      if (missing) return false;
      const v = value as number;
      switch (comparison.op) {
        case "before":
          return v < instant(comparison.value);
        case "after":
          return v > instant(comparison.value);
        case "between":
          return instant(comparison.from) <= v && v <= instant(comparison.to);
        case "within_last":
          return windowStart(comparison.amount, comparison.unit, now) <= v && v <= now.getTime();
        case "more_than_ago":
          return v < windowStart(comparison.amount, comparison.unit, now);
      }
      break;
    }
  }
  throw new Error(`oracle: unhandled comparison ${JSON.stringify(comparison)}`);
}

function traitMatches(profile: OracleProfile, condition: TraitCondition, now: Date): boolean {
  const { field, comparison } = condition;
  const value =
    field in PROFILE_FIELDS
      ? profileField(profile, field as ProfileField, now)
      : // `traits.<key>` names one top-level key literally: no paths, whatever the key contains.
        fromJson(own(profile.traits, field.slice(TRAIT_PREFIX.length)), comparison.type);
  return compare(comparison, value, now);
}

function inWindow(window: EventWindow, at: number, now: Date): boolean {
  switch (window.type) {
    case "ever":
      return true;
    case "last":
      // No upper bound: an event stamped slightly in the future counts.
      return at >= windowStart(window.amount, window.unit, now);
    case "between":
      return instant(window.from) <= at && at <= instant(window.to);
  }
}

function eventMatches(events: OracleEvent[], condition: EventCondition, now: Date): boolean {
  const such = events.filter(
    (e) =>
      e.name === condition.event &&
      condition.where.every((f) => compare(f.comparison, fromJson(own(e.properties, f.key), f.comparison.type), now)),
  );
  const measure = condition.measure;
  if (measure.type === "first" || measure.type === "last") {
    if (such.length === 0) return false;
    const times = such.map((e) => e.occurredAt.getTime());
    return inWindow(condition.window, measure.type === "first" ? Math.min(...times) : Math.max(...times), now);
  }
  const n = such.filter((e) => inWindow(condition.window, e.occurredAt.getTime(), now)).length;
  if (measure.type === "not_performed") return n === 0;
  switch (measure.op) {
    case "at_least":
      return n >= measure.count;
    case "exactly":
      return n === measure.count;
    case "at_most":
      return n <= measure.count;
  }
}

/** Consent for the channel is (JSON) true and the channel's address exists (lib/profiles/channels). */
function reachable(profile: OracleProfile, channel: Channel): boolean {
  if (own(profile.consent, channel) !== true) return false;
  const address = CHANNEL_INFO[channel].address;
  if ("column" in address) {
    const value = profile[address.column];
    return typeof value === "string" && value.length > 0;
  }
  const value = own(profile.traits, address.trait);
  // Web push keeps a subscription object: any JSON value stored under the key is an address —
  // except JSON null, which is how a sender unsets a trait (no subscription).
  if (address.anyJson) return value !== undefined && value !== null;
  return typeof value === "string" && value.length > 0;
}

/**
 * Evaluates a definition over a population. `segments` resolves membership conditions: a dynamic
 * segment by evaluating its definition over the same population and `now`, a static one by its
 * uploaded members; `personas` maps an "in persona" condition to its bound segment.
 */
export function evaluate(
  population: OraclePopulation,
  definition: SegmentDefinition,
  now: Date,
  segments: ReadonlyMap<string, OracleSegment> = new Map(),
  // Persona id → its bound segment id, for "in persona" conditions.
  personas: ReadonlyMap<string, string> = new Map(),
): OracleResult {
  const profiles = population.profiles;
  const eventsByProfile = new Map<string, OracleEvent[]>(profiles.map((p) => [p.id, []]));
  for (const event of population.events) eventsByProfile.get(event.profileId)?.push(event);

  // Membership answers per segment, computed once; `resolving` catches a segment that contains itself.
  const memberships = new Map<string, Set<string>>();
  const resolving = new Set<string>();
  const membersOf = (segmentId: string): Set<string> => {
    const known = memberships.get(segmentId);
    if (known) return known;
    const segment = segments.get(segmentId);
    if (!segment) throw new Error(`oracle: unknown segment ${segmentId}`);
    if (resolving.has(segmentId)) throw new Error(`oracle: segment ${segmentId} contains itself`);
    resolving.add(segmentId);
    const members =
      segment.kind === "static"
        ? new Set(segment.profileIds)
        : new Set(profiles.filter((_, i) => run(segment.definition.root, null)[i]).map((p) => p.id));
    resolving.delete(segmentId);
    memberships.set(segmentId, members);
    return members;
  };

  // Each node is evaluated over all profiles at once, as a vector of booleans in profile order, so
  // a group can report the running count after each child.
  const count = (vector: boolean[]) => vector.reduce((n, b) => n + (b ? 1 : 0), 0);
  function run(node: SegmentNode, nodes: Record<string, OracleNodeCount> | null): boolean[] {
    let vector: boolean[];
    if (node.kind === "group") {
      // `and` of no children is true, `or` of no children is false.
      let acc = profiles.map(() => node.op === "and");
      for (const child of node.children) {
        const childVector = run(child, nodes);
        acc = acc.map((a, i) => (node.op === "and" ? a && childVector[i]! : a || childVector[i]!));
        if (nodes) nodes[child.id]!.running = count(acc);
      }
      vector = acc;
    } else {
      vector = profiles.map((profile) => {
        switch (node.kind) {
          case "trait":
            return traitMatches(profile, node, now);
          case "event":
            return eventMatches(eventsByProfile.get(profile.id)!, node, now);
          case "reachable":
            return reachable(profile, node.channel);
          case "membership":
            return membersOf(node.segmentId).has(profile.id);
          case "persona": {
            const segmentId = personas.get(node.personaId);
            if (!segmentId) throw new Error(`oracle: unknown persona ${node.personaId}`);
            return membersOf(segmentId).has(profile.id);
          }
        }
      });
    }
    // `not` negates any node, groups included; a group's running counts are taken before it.
    if (node.not) vector = vector.map((b) => !b);
    if (nodes) nodes[node.id] = { count: count(vector), running: nodes[node.id]?.running ?? null };
    return vector;
  }

  const nodes: Record<string, OracleNodeCount> = {};
  // Children set their `running` before their parent's entry exists; the root's stays null.
  const initialise = (node: SegmentNode) => {
    nodes[node.id] = { count: 0, running: null };
    if (node.kind === "group") node.children.forEach(initialise);
  };
  initialise(definition.root);
  const result = run(definition.root, nodes);
  const matches = new Map(profiles.map((p, i) => [p.id, result[i]!]));
  const audience = profiles
    .filter((_, i) => result[i])
    .map((p) => p.id)
    .sort();
  return { matches, audience, total: audience.length, nodes };
}
