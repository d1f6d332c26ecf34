import type { Coverage, Finding } from "./finding";
import { isShadowed, liquidProperty } from "./profile-context";

/** `profile.first_name` → `traits.first_name`, `profile.email` → `email`: a variable's catalog key. */
export function catalogKeyOf(variable: string, keys: readonly string[]): string | null {
  if (!variable.startsWith("profile.")) return null;
  const property = variable.slice("profile.".length);
  return keys.find((key) => !isShadowed(key) && liquidProperty(key) === property) ?? null;
}

/** The catalog keys printed without a default somewhere in these findings: what coverage is asked for. */
export function keysWithoutDefault(findings: readonly Finding[], keys: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const f of findings) {
    const key = f.code === "liquid.no_default" && f.variable ? catalogKeyOf(f.variable, keys) : null;
    if (key) wanted.add(key);
  }
  return [...wanted];
}

/** "62 %", but never "0 %" for a few or "100 %" for all but a few: those read as none and all. */
export function formatShare(share: number): string {
  const percent = Math.round(share * 100);
  if (percent === 0 && share > 0) return "< 1 %";
  if (percent === 100 && share < 1) return "> 99 %";
  return `${percent} %`;
}

function sentence(variable: string, c: Coverage): string {
  if (c.share === null)
    return (
      `${variable} has no default, and ` +
      `${c.of === "audience" ? "the audience is empty" : "there are no profiles yet"}: add | ` +
      `default: "…".`
    );
  const who =
    c.of === "audience"
      ? `${formatShare(c.share)} of the audience has a value`
      : `${formatShare(c.share)} of all profiles have a value`;
  return (
    `${variable} has no default: ${who} (${c.withValue} of ${c.total}); the rest see nothing ` +
    `here. Add | default: "…".`
  );
}

/** Puts the coverage figure into each no-default warning (message and `coverage`). */
export function withCoverage(
  findings: readonly Finding[],
  coverage: ReadonlyMap<string, Coverage>,
  keys: readonly string[],
): Finding[] {
  return findings.map((f) => {
    if (f.code !== "liquid.no_default" || !f.variable) return f;
    const key = catalogKeyOf(f.variable, keys);
    const c = key ? coverage.get(key) : undefined;
    return c ? { ...f, coverage: c, message: sentence(f.variable, c) } : f;
  });
}
