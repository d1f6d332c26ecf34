import type { ColumnType, ImportKind } from "./schema";

const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false|yes|no)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The narrowest type every non-empty sample value fits; text when they disagree. */
export function detectColumnType(values: string[]): ColumnType {
  const present = values.map((v) => v.trim()).filter(Boolean);
  if (present.length === 0) return "string";
  if (present.every((v) => NUMBER.test(v))) return "number";
  if (present.every((v) => BOOLEAN.test(v))) return "boolean";
  if (present.every((v) => DATE.test(v))) return "date";
  return "string";
}

const ALIASES: Record<string, string> = {
  user_id: "userId",
  userid: "userId",
  customer_id: "userId",
  external_id: "userId",
  id: "userId",
  anonymous_id: "anonymousId",
  anonymousid: "anonymousId",
  device_id: "anonymousId",
  email: "email",
  e_mail: "email",
  phone: "phone",
  locale: "locale",
  language: "locale",
  timezone: "timezone",
  time_zone: "timezone",
  country: "country",
  city: "city",
  platform: "platform",
  event: "event",
  event_name: "event",
  name: "event",
  timestamp: "timestamp",
  time: "timestamp",
  occurred_at: "timestamp",
  message_id: "messageId",
};

/** A first guess at where a column goes, from its header; the user can change every one. */
export function guessTarget(header: string, kind: ImportKind): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const known = ALIASES[key];
  const fixed =
    kind === "profiles"
      ? ["userId", "anonymousId", "email", "phone", "locale", "timezone", "country", "city", "platform"]
      : ["userId", "anonymousId", "event", "timestamp", "messageId"];
  if (known && fixed.includes(known) && !(kind === "profiles" && known === "event")) return known;
  if (kind === "profiles" && key.startsWith("consent_")) return `consent:${key.slice(8)}`;
  const name = key.replace(/[^a-z0-9_.-]/g, "").slice(0, 64) || "column";
  return kind === "profiles" ? `trait:${name}` : `property:${name}`;
}
