import type { VariableUse } from "./extract-variables";
import type { Finding } from "./finding";
import { isShadowed, liquidPath, liquidProperty } from "./profile-context";

/** Filled in by delivery, never by the profile: `{{ unsubscribe_url }}` is the recipient's link. */
export const SYSTEM_VARIABLES = ["unsubscribe_url"] as const;

/** A catalog key a workspace has marked as not for messages. */
export type TraitFlag = { key: string; flag: "sensitive" | "inferred"; reason?: string };

export type VariableCatalog = {
  /** Catalog keys as lib/profiles lists them: `email`, `ltv`, `traits.first_name`. */
  keys: readonly string[];
  /** Sent on an event, so `event.*` is there. */
  triggered?: boolean;
  flags?: readonly TraitFlag[];
};

/** The usual slips: `first_name` without `profile.`, `profile.traits.first_name`, wrong case. */
function suggestion(use: VariableUse, known: Map<string, string>): string {
  const guess = use.path.startsWith("profile.traits.")
    ? `profile.${use.path.split(".")[2]}`
    : use.key.startsWith("profile.")
      ? use.key
      : `profile.${use.key}`;
  const match = [...known.keys()].find((key) => key.toLowerCase() === guess.toLowerCase());
  return match ? ` Did you mean ${known.get(match)}?` : "";
}

/**
 * Errors for variables the catalog does not have and for refused (sensitive or inferred)
 * traits; a warning for each printed profile variable without a `default`, carrying its key.
 */
export function checkVariables(uses: readonly VariableUse[], catalog: VariableCatalog): Finding[] {
  const known = new Map<string, string>();
  for (const key of catalog.keys) if (!isShadowed(key)) known.set(`profile.${liquidProperty(key)}`, liquidPath(key));
  const refused = new Map<string, TraitFlag>((catalog.flags ?? []).map((f) => [`profile.${liquidProperty(f.key)}`, f]));
  const system = new Set<string>(SYSTEM_VARIABLES);
  const findings: Finding[] = [];
  for (const use of uses) {
    const at = { line: use.line, column: use.column, variable: use.key };
    const flag = refused.get(use.key);
    if (flag) {
      findings.push({
        severity: "error",
        code: "liquid.refused_trait",
        ...at,
        message:
          `${use.key} is marked ${flag.flag} and cannot be used in ` +
          `messages${flag.reason ? `: ${flag.reason}` : "."}`,
      });
    } else if (use.key.startsWith("event.") || use.key === "event") {
      if (!catalog.triggered)
        findings.push({
          severity: "error",
          code: "liquid.unknown_variable",
          ...at,
          message: `${use.path}: event variables exist only in messages sent on an event.`,
        });
    } else if (system.has(use.key)) {
      continue;
    } else if (!known.has(use.key)) {
      findings.push({
        severity: "error",
        code: "liquid.unknown_variable",
        ...at,
        message: `${use.path} is not in the profile catalog.${suggestion(use, known)}`,
      });
    } else if (use.printed && !use.hasDefault) {
      findings.push({
        severity: "warning",
        code: "liquid.no_default",
        ...at,
        message: `${use.key} has no default: profiles without it see nothing here. Add | default: "…".`,
      });
    }
  }
  return findings;
}
