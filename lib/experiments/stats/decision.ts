import { SRM_MIN_EXPOSURES } from "./srm";

/** docs/statistics.md "Decision rule": ≥ 100 exposures per variant and ≥ 5 conversions before any call. */
export const MIN_EXPOSURES_PER_ARM = SRM_MIN_EXPOSURES;
export const MIN_CONVERSIONS_PER_ARM = 5;

export interface DecisionInput {
  srmAlarm: boolean;
  /** Every arm, control included; conversions only for proportion metrics. */
  arms: readonly { n: number; conversions?: number }[];
  /** Planned units per arm, for "keep running" progress; absent → no percentage. */
  plannedSampleSize?: number;
  guardrails: readonly { name: string; significantlyWorse: boolean }[];
  /** Primary-metric comparisons after correction; `significant` is decided by the method. */
  variants: readonly { name: string; lift: number; significant: boolean }[];
  /** Current relative MDE, for "no detectable difference yet". */
  mde?: number;
}

export type DecisionKind = "srm" | "keep-running" | "stop-guardrail" | "ship" | "keep-control" | "no-difference";

export interface Decision {
  kind: DecisionKind;
  sentence: string;
  /** With "ship": the winning variant's name (the readout passes variant keys as names). */
  variant?: string;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** docs/statistics.md "Decision rule shown to users", checked in the order it lists. */
export function decide(input: DecisionInput): Decision {
  if (input.srmAlarm) return { kind: "srm", sentence: "results unreliable: check assignment" };
  const tooLittle = input.arms.some(
    (arm) =>
      arm.n < MIN_EXPOSURES_PER_ARM || (arm.conversions !== undefined && arm.conversions < MIN_CONVERSIONS_PER_ARM),
  );
  if (tooLittle) {
    const smallest = Math.min(...input.arms.map((arm) => arm.n));
    const progress =
      input.plannedSampleSize && input.plannedSampleSize > 0
        ? `: ${percent(Math.min(1, smallest / input.plannedSampleSize))} of the needed sample`
        : "";
    return { kind: "keep-running", sentence: `keep running${progress}` };
  }
  const worse = input.guardrails.find((g) => g.significantlyWorse);
  if (worse) return { kind: "stop-guardrail", sentence: `stop: ${worse.name} is worse` };
  const winners = input.variants.filter((v) => v.significant && v.lift > 0).sort((a, b) => b.lift - a.lift);
  const best = winners[0];
  if (best) return { kind: "ship", sentence: `ship ${best.name}`, variant: best.name };
  if (input.variants.some((v) => v.significant && v.lift < 0))
    return { kind: "keep-control", sentence: "keep control" };
  const mde = input.mde === undefined ? "" : ` (current MDE ${percent(input.mde)})`;
  return { kind: "no-difference", sentence: `no detectable difference yet${mde}` };
}
