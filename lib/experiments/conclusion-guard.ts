import type { Decision } from "./stats/decision";

/*
 * When concluding needs a written override. Shipping changes what the campaign sends from now on,
 * so shipping a variant the decision rule does not back — below its minimum data, with the
 * assignment in doubt, or against its sentence — needs the analyst's reason on record. Keeping the
 * control (shipping A where the rule says keep control, no difference, or stop), rolling back and
 * "inconclusive" change nothing and need none. Pure, so the conclude form asks exactly when the
 * API would refuse.
 */

export type Conclusion = { decision: "ship" | "rollback" | "inconclusive"; shipVariantKey: string | null };

/** Why this conclusion overrides the decision rule (a sentence ending in the rule's words), or null when it agrees. */
export function overrideNeeded(
  rule: Pick<Decision, "kind" | "sentence" | "variant">,
  conclusion: Conclusion,
  controlKey: string,
): string | null {
  if (conclusion.decision !== "ship" || !conclusion.shipVariantKey) return null;
  const ship = conclusion.shipVariantKey;
  const says = `the decision rule says “${rule.sentence}”`;
  switch (rule.kind) {
    case "keep-running":
      return `Shipping ${ship} is below the decision rule's minimum data: ${says}.`;
    case "srm":
      return `Shipping ${ship} while the assignment is in doubt: ${says}.`;
    case "ship":
      return ship === rule.variant ? null : `Shipping ${ship} goes against the decision: ${says}.`;
    case "keep-control":
    case "no-difference":
    case "stop-guardrail":
      return ship === controlKey ? null : `Shipping ${ship} goes against the decision: ${says}.`;
  }
}
