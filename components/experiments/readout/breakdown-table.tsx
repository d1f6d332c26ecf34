import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Breakdown } from "@/lib/experiments/server";
import { formatMoney } from "@/lib/workspace";
import { count, pct, signedPct } from "../format";

/** The primary metric within each persona or segment: exploratory, not corrected for the many groups. */
export function BreakdownTable({
  breakdown,
  label,
  armKeys,
  valueIsMoney,
  currency,
}: {
  breakdown: Breakdown;
  label: string;
  armKeys: string[];
  valueIsMoney: boolean;
  currency: string;
}) {
  if (breakdown.groups.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        {breakdown.reason ?? `No exposed profile is in any ${label.toLowerCase()} yet.`}
      </p>
    );
  const variantKeys = armKeys.filter((k, i) => i > 0 && k !== "holdout");
  return (
    <Table>
      <caption className="sr-only">Breakdown by {label}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>{label}</TableHead>
          {armKeys.map((k) => (
            <TableHead key={k} className="text-right">
              {k === "holdout" ? "Holdout" : k}: exposed · {valueIsMoney ? "per recipient" : "rate"}
            </TableHead>
          ))}
          {variantKeys.map((k) => (
            <TableHead key={`lift-${k}`} className="text-right">
              {k} lift [CI]
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {breakdown.groups.map((g) => (
          <TableRow key={g.id}>
            <TableCell className="font-medium">{g.name}</TableCell>
            {g.arms.map((a) => (
              <TableCell key={a.key} className="text-right tabular-nums">
                {count(a.exposed)} ·{" "}
                {a.rate === null ? "—" : valueIsMoney ? formatMoney(a.rate, currency) : pct(a.rate)}
              </TableCell>
            ))}
            {variantKeys.map((k) => {
              const l = g.lifts[k];
              return (
                <TableCell key={`lift-${k}`} className="text-right tabular-nums">
                  {l?.ok ? (
                    `${signedPct(l.value)} [${signedPct(l.ciLow)}, ${signedPct(l.ciHigh)}]`
                  ) : (
                    <span className="text-muted-foreground">{l?.reason ?? "—"}</span>
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
