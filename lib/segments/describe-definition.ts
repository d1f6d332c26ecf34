import { CHANNEL_INFO } from "@/lib/profiles/channels";
import type { Comparison, EventCondition, EventWindow, SegmentDefinition, SegmentNode } from "./schema";
import { TRAIT_PREFIX } from "./schema";

// What people call the standard events, as the verb of "who … ".
const EVENT_VERBS: Record<string, string> = {
  add_to_cart: "added to cart",
  purchase: "purchased",
  product_view: "viewed a product",
  page_view: "viewed a page",
  checkout_start: "started checkout",
  app_open: "opened the app",
  session_start: "started a session",
  search: "searched",
  signup: "signed up",
  message_opened: "opened a message",
  message_clicked: "clicked a message",
  message_unsubscribed: "unsubscribed",
};

export const FIELD_LABELS: Record<string, string> = {
  externalId: "user id",
  email: "e-mail",
  phone: "phone",
  locale: "locale",
  timezone: "time zone",
  country: "country",
  city: "city",
  platform: "platform",
  ordersCount: "orders",
  ltv: "lifetime value",
  aov: "average order value",
  lastPurchaseAt: "last purchase",
  firstSeenAt: "first seen",
  lastSeenAt: "last seen",
  favouriteCategory: "favourite category",
  activeHour: "most active hour",
  daysSinceLastSeen: "days since last seen",
};

export const fieldLabel = (field: string) =>
  FIELD_LABELS[field] ?? (field.startsWith(TRAIT_PREFIX) ? field.slice(TRAIT_PREFIX.length) : field);
const quote = (value: string) => `“${value || "…"}”`;
const number = (value: number) => value.toLocaleString("en");
const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

function countryName(code: string): string {
  if (!code) return "…";
  try {
    return /^[A-Z]{2}$/.test(code) ? (new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code) : code;
  } catch {
    return code;
  }
}

const list = (values: string[], joiner: "or" | "and") =>
  values.length <= 1
    ? values.map(quote).join("")
    : `${values.slice(0, -1).map(quote).join(", ")} ${joiner} ${quote(values.at(-1)!)}`;

/** "is “DE”", "is over 200", "was within the last 7 days" — a comparison as a predicate. */
export function describeComparison(c: Comparison): string {
  switch (c.op) {
    case "exists":
      return "is known";
    case "not_exists":
      return "is unknown";
  }
  switch (c.type) {
    case "string":
      switch (c.op) {
        case "equals":
          return `is ${quote(c.value)}`;
        case "not_equals":
          return `is not ${quote(c.value)}`;
        case "contains":
          return `contains ${quote(c.value)}`;
        case "starts_with":
          return `starts with ${quote(c.value)}`;
        case "ends_with":
          return `ends with ${quote(c.value)}`;
        case "in":
          return `is ${list(c.values, "or")}`;
        case "not_in":
          return `is none of ${list(c.values, "or")}`;
      }
      break;
    case "number":
      switch (c.op) {
        case "eq":
          return `is ${number(c.value)}`;
        case "neq":
          return `is not ${number(c.value)}`;
        case "gt":
          return `is over ${number(c.value)}`;
        case "gte":
          return `is at least ${number(c.value)}`;
        case "lt":
          return `is under ${number(c.value)}`;
        case "lte":
          return `is at most ${number(c.value)}`;
        case "between":
          return `is between ${number(c.min)} and ${number(c.max)}`;
      }
      break;
    case "boolean":
      return c.op === "is" ? `is ${c.value ? "true" : "false"}` : "";
    case "date":
      switch (c.op) {
        case "before":
          return `was before ${day(c.value)}`;
        case "after":
          return `was after ${day(c.value)}`;
        case "between":
          return `was between ${day(c.from)} and ${day(c.to)}`;
        case "within_last":
          return `was within the last ${plural(c.amount, c.unit)}`;
        case "more_than_ago":
          return `was more than ${plural(c.amount, c.unit)} ago`;
      }
  }
  return "";
}

const plural = (n: number, unit: "hours" | "days") =>
  n === 1 ? `${unit === "hours" ? "hour" : "day"}` : `${number(n)} ${unit}`;

export function describeWindow(window: EventWindow): string {
  if (window.type === "ever") return "ever";
  if (window.type === "last") return `in the last ${plural(window.amount, window.unit)}`;
  return `between ${day(window.from)} and ${day(window.to)}`;
}

function describeEvent(c: EventCondition): string {
  // The same words follow "who" and "have not": "who purchased", "have not purchased".
  const past = EVENT_VERBS[c.event] ?? `did ${quote(c.event)}`;
  const bare = EVENT_VERBS[c.event] ?? `done ${quote(c.event)}`;
  const filters = c.where.length
    ? ` where ${c.where.map((f) => `${f.key} ${describeComparison(f.comparison)}`).join(" and ")}`
    : "";
  const ever = c.window.type === "ever";
  const when = ever ? "" : ` ${describeWindow(c.window)}`;
  const never = `have ${ever ? "never" : "not"} ${bare}${filters}${when}`;
  switch (c.measure.type) {
    case "not_performed":
      return never;
    case "first":
    case "last":
      return `${c.measure.type} ${past}${filters}${ever ? " at some point" : when}`;
    case "count": {
      const { op, count } = c.measure;
      if ((op === "exactly" || op === "at_most") && count === 0) return never;
      if (op === "at_least" && count <= 1)
        return count === 0 ? `may or may not have ${bare}` : `${past}${filters}${when}`;
      const times = count === 1 ? "once" : count === 2 ? "twice" : `${number(count)} times`;
      return `${past}${filters} ${op.replace("_", " ")} ${times}${when}`;
    }
  }
}

type Phrase = { form: "who" | "plain"; text: string };

function phrase(node: SegmentNode, names: Record<string, string>): Phrase {
  const negate = (p: Phrase): Phrase =>
    node.not ? { form: "plain", text: `not (${p.form === "who" ? `who ${p.text}` : p.text})` } : p;
  switch (node.kind) {
    case "group": {
      // A group of one reads as its only condition, so the sentence flows on.
      if (node.children.length === 1 && !node.not) return phrase(node.children[0]!, names);
      const inner = sentence(node.children, node.op, names);
      return negate({
        form: "plain",
        text: node.children.length > 1 ? `(${inner})` : inner || (node.op === "and" ? "anyone" : "no one"),
      });
    }
    case "trait":
      if (node.field === "country" && node.comparison.op === "equals")
        return negate({ form: "plain", text: `in ${countryName(node.comparison.value)}` });
      if (node.field === "country" && node.comparison.op === "in")
        return negate({
          form: "plain",
          text: `in ${list(node.comparison.values.map(countryName), "or").replaceAll("“", "").replaceAll("”", "")}`,
        });
      return negate({ form: "plain", text: `whose ${fieldLabel(node.field)} ${describeComparison(node.comparison)}` });
    case "event":
      return negate({ form: "who", text: describeEvent(node) });
    case "reachable":
      return negate({ form: "plain", text: `reachable by ${CHANNEL_INFO[node.channel].label.toLowerCase()}` });
    case "membership":
      return negate({ form: "plain", text: `in ${quote(names[node.segmentId] ?? "another segment")}` });
    case "persona":
      return negate({ form: "plain", text: `in the persona ${quote(names[node.personaId] ?? "(not picked)")}` });
  }
}

/** One node as a short phrase ("in Germany", "who purchased in the last 30 days"), for labels. */
export function describeNode(node: SegmentNode, segmentNames: Record<string, string> = {}): string {
  const p = phrase(node, segmentNames);
  return (p.form === "who" ? `who ${p.text}` : p.text).replace(/\s+/g, " ").trim();
}

/** Children joined by their group's operator; "who" is said once for a run of event clauses. */
function sentence(children: SegmentNode[], op: "and" | "or", names: Record<string, string>): string {
  let text = "";
  let saidWho = false;
  children.forEach((child, i) => {
    const p = phrase(child, names);
    const firstWho = p.form === "who" && !saidWho;
    const words = firstWho ? `who ${p.text}` : p.text;
    if (p.form === "who") saidWho = true;
    // "in Germany who added to cart": a relative clause after an AND-ed description needs no "and".
    text += i === 0 ? words : firstWho && op === "and" ? ` ${words}` : ` ${op} ${words}`;
  });
  return text;
}

/**
 * The whole tree in one sentence, e.g. "Profiles in Germany who added to cart at least twice in the last 7 days and
 * have not purchased in the last 30 days".
 */
export function describeDefinition(definition: SegmentDefinition, segmentNames: Record<string, string> = {}): string {
  const root = definition.root;
  if (root.children.length === 0) return root.op === "and" && !root.not ? "All profiles" : "No profiles";
  const body = sentence(root.children, root.op, segmentNames).replace(/\s+/g, " ").trim();
  return root.not ? `Profiles not matching: ${body}` : `Profiles ${body}`;
}
