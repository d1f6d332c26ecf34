import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { GuardrailReadout } from "@/lib/experiments";
import { MIN_EXPOSURES_PER_ARM } from "@/lib/experiments";
import { count, pct, pValue } from "../format";

const pp = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(2)} pp`;

/**
 * Guardrails (not corrected for multiple comparisons): each variant's rate against the control's; "ok" only with enough
 * exposures to mean it.
 */
export function GuardrailsTable({ guardrails }: { guardrails: GuardrailReadout[] }) {
  if (guardrails.length === 0)
    return <p className="text-sm text-muted-foreground">No guardrails were set for this experiment.</p>;
  return (
    <Table>
      <caption className="sr-only">Guardrails</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Guardrail</TableHead>
          <TableHead>Arm</TableHead>
          <TableHead className="text-right">Exposed</TableHead>
          <TableHead className="text-right">Rate</TableHead>
          <TableHead className="text-right">Difference vs control [CI]</TableHead>
          <TableHead className="text-right">p-value</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {guardrails.flatMap((g) =>
          g.arms.map((arm, i) => {
            const v = g.variants.find((x) => x.key === arm.key);
            return (
              <TableRow key={`${g.kind}-${arm.key}`}>
                <TableCell className="font-medium">{i === 0 ? g.label : ""}</TableCell>
                <TableCell>{arm.key}</TableCell>
                <TableCell className="text-right tabular-nums">{count(arm.exposed)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {arm.rate.ok ? (
                    pct(arm.rate.value, 2)
                  ) : (
                    <span className="text-muted-foreground">{arm.rate.reason}</span>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {i === 0 ? (
                    <span className="text-muted-foreground">control</span>
                  ) : v?.result.ok ? (
                    `${pp(v.result.lift)} [${pp(v.result.ciLow)}, ${pp(v.result.ciHigh)}]`
                  ) : (
                    <span className="text-muted-foreground">{v && !v.result.ok ? v.result.reason : "—"}</span>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {v?.result.ok ? pValue(v.result.pValue) : "—"}
                </TableCell>
                <TableCell>
                  {i === 0 || !v ? null : v.status === "worse" ? (
                    <Badge variant="destructive">worse{v.overThreshold ? " (over threshold)" : ""}</Badge>
                  ) : v.status === "not-enough-data" ? (
                    <Badge
                      variant="outline"
                      title={
                        `Below the decision rule's minimum of ${MIN_EXPOSURES_PER_ARM} exposed in this arm and the ` +
                        `control`
                      }
                    >
                      not enough data
                    </Badge>
                  ) : (
                    <Badge variant="success">ok</Badge>
                  )}
                </TableCell>
              </TableRow>
            );
          }),
        )}
      </TableBody>
    </Table>
  );
}
