import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Estimate, MetricReadout, MetricKind } from "@/lib/experiments";
import { formatMoney } from "@/lib/workspace";
import { count, metricValue, pct, pValue, signedPct } from "../format";

const estimate = (e: Estimate, show: (x: number) => string) =>
  e.ok ? (
    <>
      {show(e.value)}{" "}
      <span className="block text-xs text-muted-foreground">
        [{show(e.ciLow)}, {show(e.ciHigh)}]
      </span>
    </>
  ) : (
    <span className="text-muted-foreground">{e.reason}</span>
  );

/**
 * Per arm: exposed, the metric's total, its value with CI; per variant the lift over control, p and
 * (in brackets) adjusted p. Each estimate's interval sits on its own line and the arm keeps a column
 * wide enough for its name, so at 1024 px the table neither wraps names into five lines nor hides a column.
 */
export function ArmsTable({
  readout,
  kind,
  holdoutLift,
  caption,
  currency,
}: {
  readout: MetricReadout;
  kind: MetricKind;
  holdoutLift?: Estimate | null;
  caption: string;
  currency: string;
}) {
  const variants = new Map((readout.report?.variants ?? []).map((v) => [v.name, v]));
  const totalHeader = kind === "conversion" ? "Conversions" : kind === "ctr" ? "Clicks" : "Revenue";
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead className="min-w-36">Arm</TableHead>
          <TableHead className="text-right">Exposed</TableHead>
          <TableHead className="text-right">{totalHeader}</TableHead>
          <TableHead className="text-right">
            {kind === "revenue_per_recipient" ? "Per recipient" : "Rate"} [95 % CI]
          </TableHead>
          <TableHead className="text-right">Lift vs control [CI]</TableHead>
          <TableHead className="text-right">p-value (adjusted)</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {readout.arms.map((arm, i) => {
          const v = variants.get(arm.key);
          return (
            <TableRow key={arm.key}>
              <TableCell>
                <span className="font-medium">{arm.holdout ? "Holdout" : arm.key}</span>{" "}
                <span className="text-muted-foreground">· {arm.name}</span>
                <span className="block text-xs text-muted-foreground">
                  {i === 0 ? "control · " : ""}expected {pct(arm.expectedShare)} of traffic
                </span>
              </TableCell>
              <TableCell className="text-right tabular-nums">{count(arm.exposed)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {kind === "revenue_per_recipient" ? formatMoney(arm.total, currency) : count(arm.total)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {estimate(arm.rate, (x) => metricValue(kind, x, currency))}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {i === 0 ? (
                  <span className="text-muted-foreground">baseline</span>
                ) : arm.holdout ? (
                  holdoutLift ? (
                    <span title="The control's lift over the holdout: what sending did at all">
                      A vs holdout: {estimate(holdoutLift, signedPct)}
                    </span>
                  ) : (
                    "—"
                  )
                ) : v ? (
                  v.ok ? (
                    estimate({ ok: true, value: v.lift, ciLow: v.ciLow, ciHigh: v.ciHigh }, signedPct)
                  ) : (
                    <span className="text-muted-foreground">no result: {v.reason}</span>
                  )
                ) : (
                  <span className="text-muted-foreground">{readout.reason ?? "—"}</span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {v?.ok && v.pValue !== undefined
                  ? pValue(v.pValue)
                  : v?.ok && v.chanceToWin !== undefined
                    ? `${pct(v.chanceToWin)} to win`
                    : "—"}
                {v?.ok && v.adjustedPValue !== undefined && (
                  <span className="block text-xs text-muted-foreground">({pValue(v.adjustedPValue)})</span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
