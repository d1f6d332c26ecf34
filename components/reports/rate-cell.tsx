import { formatCount, formatPercent } from "@/components/charts/format";
import { cn } from "@/components/ui/cn";
import { MIN_RATE_N, type RateEstimate } from "@/lib/analytics";

/**
 * A rate as reports print it. Short (bar labels): "12.3%", or "too few (n = 12)" when its
 * denominator is under MIN_RATE_N, or "—" when nothing could be measured. Long (tooltips): with its
 * 95 % Wilson interval and numerator / denominator.
 */
export function describeRate(r: RateEstimate, long: boolean, unit = "profiles"): string {
  if (r.n === 0 || r.value === null) return long ? `— (no ${unit} this channel can measure)` : "—";
  if (r.tooFew)
    return long
      ? `too few to tell: n = ${formatCount(r.n)} (a rate needs ${MIN_RATE_N})`
      : `too few (n = ${formatCount(r.n)})`;
  if (!long) return formatPercent(r.value);
  const ci = r.interval ? ` (95% CI ${formatPercent(r.interval.low)}–${formatPercent(r.interval.high)})` : "";
  return `${formatPercent(r.value)}${ci} · ${formatCount(r.numerator)} of ${formatCount(r.n)} ${unit}`;
}

/** A rate in a table: the value over "numerator / n", greyed as "too few" under the minimum n, "—" when unmeasured. */
export function RateCell({ rate, unit = "profiles" }: { rate: RateEstimate; unit?: string }) {
  if (rate.n === 0 || rate.value === null) return <span title={`No ${unit} on channels that can measure this`}>—</span>;
  const interval = rate.interval
    ? `95% CI ${formatPercent(rate.interval.low)}–${formatPercent(rate.interval.high)}`
    : undefined;
  return (
    <span
      className={cn("inline-flex flex-col items-end leading-tight", rate.tooFew && "text-muted-foreground")}
      title={rate.tooFew ? describeRate(rate, true, unit) : interval}
    >
      <span className="whitespace-nowrap">{rate.tooFew ? "too few" : formatPercent(rate.value)}</span>
      <span className="whitespace-nowrap text-[11px] text-muted-foreground">
        {formatCount(rate.numerator)} / {formatCount(rate.n)}
      </span>
    </span>
  );
}
