import { extractVariables, type VariableUse } from "@/lib/templates/extract-variables";
import type { LiquidContext } from "@/lib/templates/render";
import type { RenderProblem } from "@/lib/templates/render-content";

type Use = VariableUse & { field: string };

// Content of a published version never changes: its variable uses per (version, locale) are kept.
const cache = new Map<string, Use[]>();

function collect(value: unknown, field: string, into: Use[]) {
  if (typeof value === "string") {
    if (value.includes("{{")) for (const use of extractVariables(value)) into.push({ ...use, field });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${field}.${i}`, into));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) collect(item, field ? `${field}.${key}` : key, into);
  }
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");

function valueOf(context: LiquidContext, key: string): unknown {
  const [root, ...rest] = key.split(".");
  let at: unknown = (context as Record<string, unknown>)[root!];
  for (const part of rest) at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

/**
 * Variables printed without a `default` whose value this recipient lacks: Liquid would print
 * nothing ("Hi ,"), so delivery skips the message with render_error instead (the linter warned
 * at publish, with the share of the audience affected).
 */
export function missingWithoutDefault(
  cacheKey: string,
  content: Record<string, unknown>,
  context: LiquidContext,
): RenderProblem[] {
  let uses = cache.get(cacheKey);
  if (!uses) {
    uses = [];
    collect(content, "", uses);
    uses = uses.filter((u) => u.printed && !u.hasDefault && u.key !== "unsubscribe_url");
    cache.set(cacheKey, uses);
  }
  return uses
    .filter((u) => isEmpty(valueOf(context, u.key)))
    .map((u) => ({
      field: u.field,
      message: `${u.key} is empty for this profile and has no default`,
      line: u.line,
      column: u.column,
    }));
}
