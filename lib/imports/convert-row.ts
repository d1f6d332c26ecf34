import type { ColumnMapping, ColumnType, ImportKind } from "./schema";

export type RowError = { row: number; column: string; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function convert(value: string, type: ColumnType): { ok: true; value: unknown } | { ok: false; reason: string } {
  switch (type) {
    case "number": {
      const n = Number(value);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: `“${value}” is not a number.` };
    }
    case "boolean": {
      if (/^(true|yes|1)$/i.test(value)) return { ok: true, value: true };
      if (/^(false|no|0)$/i.test(value)) return { ok: true, value: false };
      return { ok: false, reason: `“${value}” is not true or false.` };
    }
    case "date": {
      const time = Date.parse(value);
      return Number.isNaN(time)
        ? { ok: false, reason: `“${value}” is not a date.` }
        : { ok: true, value: new Date(time).toISOString() };
    }
    default:
      return { ok: true, value };
  }
}

/**
 * One CSV row → one ingestion call (identify for profiles, track for events), with a messageId
 * derived from the file and row so a re-import is recognised as a replay. Row numbers count the
 * header as row 1, as spreadsheets do.
 */
export function convertRow(
  kind: ImportKind,
  row: Record<string, string>,
  index: number,
  mapping: ColumnMapping,
  fileHash: string,
): { call: Record<string, unknown> } | { error: RowError } {
  const rowNumber = index + 2;
  const call: Record<string, unknown> = {
    type: kind === "profiles" ? "identify" : "track",
    messageId: `import-${fileHash.slice(0, 16)}-${kind}-${index}`,
  };
  const keyed: Record<string, Record<string, unknown>> = { trait: {}, property: {}, consent: {} };
  for (const [column, { target, type }] of Object.entries(mapping)) {
    const raw = (row[column] ?? "").trim();
    if (target === "ignore" || raw === "") continue;
    const converted = convert(raw, type);
    if (!converted.ok) return { error: { row: rowNumber, column, reason: converted.reason } };
    if (target === "email" && !EMAIL.test(raw))
      return { error: { row: rowNumber, column, reason: `“${raw}” is not an e-mail address.` } };
    const [prefix, key] = target.split(":", 2) as [string, string | undefined];
    if (key !== undefined) keyed[prefix]![key] = converted.value;
    else if (kind === "profiles" && !["userId", "anonymousId"].includes(target)) keyed.trait![target] = converted.value;
    else call[target] = target === "timestamp" ? converted.value : String(converted.value);
  }
  if (!call.userId && !call.anonymousId) {
    const column =
      Object.entries(mapping).find(([, c]) => c.target === "userId" || c.target === "anonymousId")?.[0] ?? "(row)";
    return { error: { row: rowNumber, column, reason: "The user id is empty." } };
  }
  if (kind === "profiles")
    call.traits = { ...keyed.trait, ...(Object.keys(keyed.consent!).length ? { consent: keyed.consent } : {}) };
  else call.properties = keyed.property;
  return { call };
}
