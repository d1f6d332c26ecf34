import { formatCount } from "@/components/charts/format";
import { describeRate } from "@/components/reports/rate-cell";
import type { SendFunnel } from "@/lib/journeys";

/**
 * A send step's message funnel in one line under its card: counts, and each rate over its own stage
 * as reports print it ("too few (n = 12)" below the minimum; the interval is in the funnel table's
 * tooltips). Stages the channel cannot measure are left out.
 */
export function SendStepFigures({ funnel }: { funnel: SendFunnel }) {
  const { rates } = funnel;
  const parts = [
    `${formatCount(funnel.sent)} sent`,
    `delivered ${describeRate(rates.deliveryRate, false)}`,
    rates.openRate && `opened ${describeRate(rates.openRate, false)}`,
    rates.ctr && `clicked ${describeRate(rates.ctr, false)}`,
    `converted ${describeRate(rates.conversionRate, false)}`,
  ].filter(Boolean);
  return <p className="text-xs tabular-nums text-muted-foreground">{parts.join(" · ")}</p>;
}
