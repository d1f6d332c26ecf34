import { describe, expect, it } from "vitest";
import { overrideNeeded } from "./conclusion-guard";

const ship = (key: string) => ({ decision: "ship" as const, shipVariantKey: key });

describe("overrideNeeded", () => {
  it("shipping the variant the rule ships needs no reason; any other variant does", () => {
    const rule = { kind: "ship" as const, sentence: "ship C", variant: "C" };
    expect(overrideNeeded(rule, ship("C"), "A")).toBeNull();
    expect(overrideNeeded(rule, ship("B"), "A")).toBe(
      "Shipping B goes against the decision: the decision rule says “ship C”.",
    );
    expect(overrideNeeded(rule, ship("A"), "A")).toMatch(/^Shipping A goes against/);
  });

  it("below the minimum or with the assignment in doubt, shipping anything needs a reason — the control too", () => {
    const keepRunning = { kind: "keep-running" as const, sentence: "keep running: 12 % of the needed sample" };
    expect(overrideNeeded(keepRunning, ship("A"), "A")).toBe(
      "Shipping A is below the decision rule's minimum data: the decision rule says “keep running: 12 % of the needed sample”.",
    );
    expect(overrideNeeded({ kind: "srm", sentence: "results unreliable: check assignment" }, ship("B"), "A")).toMatch(
      /assignment is in doubt/,
    );
  });

  it("keeping the control agrees with keep control, no difference and stop; shipping a variant does not", () => {
    for (const rule of [
      { kind: "keep-control" as const, sentence: "keep control" },
      { kind: "no-difference" as const, sentence: "no detectable difference yet" },
      { kind: "stop-guardrail" as const, sentence: "stop: unsubscribe rate is worse" },
    ]) {
      expect(overrideNeeded(rule, ship("A"), "A")).toBeNull();
      expect(overrideNeeded(rule, ship("B"), "A")).toBe(
        `Shipping B goes against the decision: the decision rule says “${rule.sentence}”.`,
      );
    }
  });

  it("rolling back or calling it inconclusive never needs one", () => {
    const rule = { kind: "ship" as const, sentence: "ship B", variant: "B" };
    expect(overrideNeeded(rule, { decision: "rollback", shipVariantKey: null }, "A")).toBeNull();
    expect(
      overrideNeeded(
        { kind: "keep-running", sentence: "keep running" },
        { decision: "inconclusive", shipVariantKey: null },
        "A",
      ),
    ).toBeNull();
  });
});
