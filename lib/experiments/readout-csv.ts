import { csvCell, type CsvCell } from "@/lib/csv";
import type { ArmSummary, Estimate, MetricReadout } from "./compute-readout";
import type { ExperimentReadout } from "./get-readout";

// Ten significant digits: enough to recompute, without binary noise (0.30000000000000004).
const cell = (value: CsvCell) => csvCell(typeof value === "number" ? Number(value.toPrecision(10)) : value);
const est = (e: Estimate | undefined): (number | string | null)[] =>
  e ? (e.ok ? [e.value, e.ciLow, e.ciHigh, ""] : [null, null, null, e.reason]) : [null, null, null, ""];

export const READOUT_CSV_HEADER = [
  "section",
  "metric",
  "arm",
  "name",
  "exposed",
  "total",
  "rate",
  "rate_ci_low",
  "rate_ci_high",
  "lift",
  "lift_ci_low",
  "lift_ci_high",
  "p_value",
  "adjusted_p_value",
  "chance_to_win",
  "note",
];

function metricRows(section: string, m: MetricReadout) {
  return m.arms.map((arm: ArmSummary) => {
    const v = m.report?.variants.find((x) => x.name === arm.key);
    const lift = v
      ? v.ok
        ? [v.lift, v.ciLow, v.ciHigh, v.pValue ?? null, v.adjustedPValue ?? null, v.chanceToWin ?? null]
        : [null, null, null, null, null, null]
      : [null, null, null, null, null, null];
    const [rate, low, high, rateReason] = est(arm.rate);
    const note = [rateReason, v && !v.ok ? v.reason : "", m.reason ?? "", arm.key === m.arms[0]?.key ? "control" : ""]
      .filter(Boolean)
      .join("; ");
    return [section, m.label, arm.key, arm.name, arm.exposed, arm.total, rate, low, high, ...lift, note];
  });
}

/** The readout as CSV: one row per arm per metric and guardrail, then the SRM check and the decision. */
export function readoutCsv(r: ExperimentReadout): string {
  const rows: (string | number | null | undefined)[][] = [READOUT_CSV_HEADER];
  rows.push(...metricRows("primary", r.primary));
  r.secondary.forEach((m) => rows.push(...metricRows("secondary", m)));
  for (const g of r.guardrails) {
    for (const arm of g.arms) {
      const v = g.variants.find((x) => x.key === arm.key);
      const [rate, low, high, reason] = est(arm.rate);
      const diff = v?.result.ok
        ? [v.result.lift, v.result.ciLow, v.result.ciHigh, v.result.pValue]
        : [null, null, null, null];
      rows.push([
        "guardrail",
        `${g.label} (absolute difference)`,
        arm.key,
        arm.name,
        arm.exposed,
        arm.total,
        rate,
        low,
        high,
        ...diff,
        null,
        null,
        [reason, v && !v.result.ok ? v.result.reason : "", v?.worse ? "worse" : ""].filter(Boolean).join("; "),
      ]);
    }
  }
  rows.push([
    "srm",
    "sample ratio",
    "",
    "",
    r.srm.observed.reduce((s, n) => s + n, 0),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    r.srm.pValue,
    null,
    null,
    r.srm.alarm ? "ALARM: results unreliable" : (r.srm.reason ?? ""),
  ]);
  rows.push([
    "multiple_exposed",
    "excluded",
    "",
    "",
    r.multipleExposed,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "exposed to more than one arm",
  ]);
  rows.push([
    "decision",
    "",
    "",
    "",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    r.decision.sentence,
  ]);
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
