"use client";

import { formatCount } from "@/components/charts/format";
import { RateCell } from "@/components/reports/rate-cell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { METRIC_DEFINITIONS } from "@/lib/analytics";
import { topologicalOrder, type JourneyDefinition, type JourneyStats } from "@/lib/journeys";
import { useJourneyStats } from "./use-journey-stats";

const RATE_COLUMNS = [
  ["deliveryRate", "Delivered", "messages"],
  ["openRate", "Opened", "messages delivered"],
  ["ctr", "Clicked", "messages delivered"],
  ["conversionRate", "Converted", "messages delivered"],
] as const;

/**
 * The send steps' message funnels as a table (the flow's cards show the same in a line each): each
 * stage with its rate over the stage before it, numerator / n under it, "too few" below the minimum n
 * and the 95 % interval in the tooltip — the reports' cells and metric definitions.
 */
export function JourneyFunnelTable({
  journeyId,
  definition,
  initialStats,
}: {
  journeyId: string;
  definition: JourneyDefinition;
  initialStats: JourneyStats;
}) {
  const stats = useJourneyStats(journeyId, initialStats);
  const figures = new Map((stats?.nodes ?? []).map((n) => [n.nodeId, n]));
  const sends = (topologicalOrder(definition) ?? definition.nodes).filter((n) => n.kind === "send");
  if (sends.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Messages per send step</h2>
        </CardTitle>
        <CardDescription>
          Each step&apos;s messages as reports count them: every rate divides by the stage before it (opens, clicks and
          conversions by deliveries), with its n; converted is the journey&apos;s goal within its window.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-label="Messages per send step">
          <TableHeader>
            <TableRow>
              <TableHead>Step</TableHead>
              <TableHead>Channel</TableHead>
              <TableHead className="text-right">Reached</TableHead>
              <TableHead className="text-right">Queued</TableHead>
              <TableHead className="text-right">Sent</TableHead>
              {RATE_COLUMNS.map(([key, label]) => (
                <TableHead key={key} className="text-right" title={METRIC_DEFINITIONS[key].definition}>
                  {label}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {sends.map((node) => {
              const f = figures.get(node.id);
              const m = f?.messages;
              return (
                <TableRow key={node.id}>
                  <TableCell className="font-medium">{node.label ?? node.id}</TableCell>
                  <TableCell>{m?.channel ?? "–"}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(f?.reached ?? 0)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(m?.queued ?? 0)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(m?.sent ?? 0)}</TableCell>
                  {RATE_COLUMNS.map(([key, , unit]) => {
                    const rate = m?.rates[key];
                    return (
                      <TableCell key={key} className="text-right tabular-nums">
                        {rate ? <RateCell rate={rate} unit={unit} /> : "—"}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
