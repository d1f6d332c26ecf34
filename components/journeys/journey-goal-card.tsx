"use client";

import { formatCount, formatDuration } from "@/components/charts/format";
import { describeRate, RateCell } from "@/components/reports/rate-cell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { estimateRate, MIN_RATE_N } from "@/lib/analytics";
import {
  exitsOf,
  topologicalOrder,
  type JourneyDefinition,
  type JourneyStats,
  type RandomSplitStats,
} from "@/lib/journeys";
import { describeExit, describeMinutes } from "./describe-node";
import { useJourneyStats } from "./use-journey-stats";

type Comparison = RandomSplitStats["lifts"][number]["lift"];

const signed = (x: number, unit: "pp" | "%") =>
  `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x * 100).toFixed(1)}${unit === "pp" ? " pp" : " %"}`;

/** "+50.0 % (95% CI +4.1 % to +95.9 %, p = 0.032)", or why there is no estimate. */
const describeComparison = (c: Comparison, unit: "pp" | "%") =>
  c.ok
    ? `${signed(c.value, unit)} (95% CI ${signed(c.ciLow, unit)} to ${signed(c.ciHigh, unit)}, p = ${c.pValue < 0.001 ? "< 0.001" : c.pValue.toFixed(3)})`
    : `no estimate: ${c.reason}`;

/**
 * The journey's goal: its conversion with n and interval, time from entry to goal, conversion per
 * branch of each split and wait-for-event, and each random split read as an experiment (arms, lifts,
 * the decision sentence) against its holdout. Figures follow the reports' rules: n beside a rate,
 * "too few" below the minimum.
 */
export function JourneyGoalCard({
  journeyId,
  definition,
  initialStats,
}: {
  journeyId: string;
  definition: JourneyDefinition;
  initialStats: JourneyStats;
}) {
  const stats = useJourneyStats(journeyId, initialStats) ?? initialStats;
  const { goal } = definition;
  const figures = new Map(stats.nodes.map((n) => [n.nodeId, n]));
  const branching = (topologicalOrder(definition) ?? definition.nodes).filter(
    // A random split's arms have their own table above.
    (n) => (n.kind === "split" && n.split.type === "condition") || (n.kind === "wait" && n.wait.type === "event"),
  );
  const { timeToGoal } = stats.goal;

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Goal</h2>
        </CardTitle>
        <CardDescription>
          {goal
            ? `“${goal.event}” within ${describeMinutes(goal.windowDays * 1440)} of entering, counted per entry (also after it left the journey).`
            : "This journey has no goal, so nothing counts as a conversion."}
        </CardDescription>
      </CardHeader>
      {goal && (
        <CardContent className="grid gap-6">
          <dl className="grid gap-4 sm:grid-cols-2" aria-label="Goal figures">
            <div>
              <dt className="text-xs text-muted-foreground">Conversion</dt>
              <dd className="text-sm font-medium tabular-nums">
                {stats.goal.rate.n === 0 ? "no entries yet" : describeRate(stats.goal.rate, true, "entries")}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Time to goal (outside the holdout)</dt>
              <dd className="text-sm font-medium tabular-nums">
                {timeToGoal.n < MIN_RATE_N
                  ? `too few to tell: ${formatCount(timeToGoal.n)} conversions (needs ${MIN_RATE_N})`
                  : `median ${formatDuration(timeToGoal.medianSeconds)}, 90 % within ${formatDuration(timeToGoal.p90Seconds)} · n = ${formatCount(timeToGoal.n)}`}
              </dd>
            </div>
          </dl>

          {stats.randomSplits.map((split) => (
            <RandomSplitReadout
              key={split.nodeId}
              split={split}
              label={figures.get(split.nodeId)?.label ?? split.nodeId}
            />
          ))}

          {branching.length > 0 && (
            <Table aria-label="Goal conversion per branch">
              <TableHeader>
                <TableRow>
                  <TableHead>Step</TableHead>
                  <TableHead>Branch</TableHead>
                  <TableHead className="text-right">Went this way</TableHead>
                  <TableHead className="text-right">Reached the goal</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {branching.flatMap((node) => {
                  const f = figures.get(node.id);
                  return exitsOf(node).map((exit) => (
                    <TableRow key={`${node.id}-${exit}`}>
                      <TableCell className="font-medium">{node.label ?? node.id}</TableCell>
                      <TableCell>{describeExit(node, exit)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatCount(f?.byExit[exit] ?? 0)}</TableCell>
                      <TableCell className="text-right tabular-nums">
                        <RateCell
                          rate={estimateRate(f?.convertedByExit[exit] ?? 0, f?.byExit[exit] ?? 0)}
                          unit="entries"
                        />
                      </TableCell>
                    </TableRow>
                  ));
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      )}
    </Card>
  );
}

/** A random split as an experiment readout: per-arm goal rates, lifts over the first arm, the holdout. */
function RandomSplitReadout({ split, label }: { split: RandomSplitStats; label: string }) {
  const lift = new Map(split.lifts.map((l) => [l.name, l.lift]));
  const rows = [...split.arms, ...(split.holdout ? [split.holdout] : [])];
  return (
    <section aria-label={`Random split ${label}`} className="grid gap-2">
      <h3 className="text-sm font-medium">
        Random split “{label}” as an experiment: <span className="font-normal">{split.decision}</span>
      </h3>
      <Table aria-label={`Goal conversion per arm of ${label}`}>
        <TableHeader>
          <TableRow>
            <TableHead>Arm</TableHead>
            <TableHead className="text-right">Entries</TableHead>
            <TableHead className="text-right">Goal rate</TableHead>
            <TableHead>Lift over {split.arms[0]?.name}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((arm, i) => {
            const l = lift.get(arm.name);
            return (
              <TableRow key={arm.name}>
                <TableCell className="font-medium">
                  {arm.name === "holdout" ? "Holdout (no messages)" : arm.name}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(arm.n)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  <RateCell rate={arm.rate} unit="entries" />
                </TableCell>
                <TableCell className="text-sm">{i === 0 ? "baseline" : l ? describeComparison(l, "%") : "–"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {split.holdoutDifference && split.holdout && (
        <p className="text-sm">
          Messaged arms against the holdout, difference in goal rate:{" "}
          {describeComparison(split.holdoutDifference, "pp")}
        </p>
      )}
    </section>
  );
}
