import { isDeepStrictEqual } from "node:util";
import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { lineDiff, type DiffLine } from "./line-diff";
import { DEFAULT_LOCALE } from "./locale";
import type { TemplateContent } from "./schema";

export type FieldChange = {
  field: string;
  change: "added" | "removed" | "changed";
  /** Text fields are diffed by line as written; structured ones (e-mail body, buttons) as indented JSON. */
  kind: "text" | "json";
  lines: DiffLine[];
};
export type LocaleDiff = { locale: string; change: "added" | "removed" | "changed"; fields: FieldChange[] };

const asText = (value: unknown): { kind: FieldChange["kind"]; text: string } =>
  value === undefined
    ? { kind: "text", text: "" }
    : typeof value === "string"
      ? { kind: "text", text: value }
      : { kind: "json", text: JSON.stringify(value, null, 2) };

/**
 * What changed from `a` to `b`, per locale (default first, then alphabetically) and per field of
 * the channel, listing only what differs. A locale or field missing on one side is added or removed.
 */
export function diffContent(a: TemplateContent, b: TemplateContent): LocaleDiff[] {
  const la = a.locales as Record<string, Record<string, unknown> | undefined>;
  const lb = b.locales as Record<string, Record<string, unknown> | undefined>;
  const names = new Set([...CHANNEL_SPECS[a.channel].fields, ...CHANNEL_SPECS[b.channel].fields].map((f) => f.name));
  const locales = [...new Set([...Object.keys(la), ...Object.keys(lb)])].sort((x, y) =>
    x === DEFAULT_LOCALE ? -1 : y === DEFAULT_LOCALE ? 1 : x.localeCompare(y),
  );
  const out: LocaleDiff[] = [];
  for (const locale of locales) {
    const before = la[locale];
    const after = lb[locale];
    const fields: FieldChange[] = [];
    for (const field of names) {
      const x = before?.[field];
      const y = after?.[field];
      if (isDeepStrictEqual(x, y)) continue;
      const tx = asText(x);
      const ty = asText(y);
      fields.push({
        field,
        change: x === undefined ? "added" : y === undefined ? "removed" : "changed",
        kind: x === undefined ? ty.kind : tx.kind,
        lines: lineDiff(tx.text, ty.text),
      });
    }
    if (fields.length > 0)
      out.push({
        locale,
        change: before === undefined ? "added" : after === undefined ? "removed" : "changed",
        fields,
      });
  }
  return out;
}
