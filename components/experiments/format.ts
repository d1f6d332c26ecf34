import type { Metric } from "@/lib/experiments";
import { formatMoney } from "@/lib/workspace";

/** A share as a percentage: 0.1234 → "12.3 %". */
export const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;
/** A signed relative lift: 0.3 → "+30.0 %". */
export const signedPct = (x: number, digits = 1) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(digits)} %`;
export const count = (n: number) => Math.round(n).toLocaleString("en");
/** p-values: small ones in scientific notation rather than a misleading "0.000". */
export const pValue = (p: number) => (p < 1e-15 ? "< 1e-15" : p < 0.0001 ? p.toExponential(1) : p.toFixed(4));

/**
 * The metric's value in its unit: a rate for conversion and CTR, money (the workspace's currency) for revenue per
 * recipient.
 */
export function metricValue(metric: Metric["kind"], x: number, currency: string) {
  return metric === "revenue_per_recipient" ? formatMoney(x, currency) : pct(x, 2);
}

export function metricName(m: Metric): string {
  if (m.kind === "conversion") return `Conversion: ${m.event} within ${m.windowHours} h`;
  if (m.kind === "revenue_per_recipient") return `Revenue per recipient (${m.windowHours} h)`;
  return "Click-through rate";
}

export const STATUS_LABEL: Record<string, string> = { draft: "Draft", running: "Running", concluded: "Concluded" };
export const DECISION_LABEL: Record<string, string> = {
  ship: "Shipped",
  rollback: "Rolled back",
  inconclusive: "Inconclusive",
};
