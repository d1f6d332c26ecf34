"use client";

import { useRef } from "react";
import { formatCount, formatPercent } from "@/components/charts/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useScrollsSideways } from "@/components/ui/use-scrolls-sideways";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { estimateRate } from "@/lib/analytics";
import {
  nodesById,
  topologicalOrder,
  type JourneyDefinition,
  type JourneyExitReason,
  type JourneyNode,
  type JourneyNodeStats,
  type JourneyStats,
} from "@/lib/journeys";
import {
  EXIT_REASON_WORDS,
  NODE_KIND_LABELS,
  describeNode,
  describeMinutes,
  type TemplateNames,
} from "./describe-node";
import { FlowSteps } from "./flow-steps";
import { SendStepFigures } from "./send-step-figures";
import { JOURNEY_STATS_REFRESH_MS, useJourneyStats } from "./use-journey-stats";

// "22:15:03 UTC": the figures move every 10 s, so the seconds matter.
const asOfTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

const exitedWords = (exited: JourneyNodeStats["exited"]) =>
  (Object.entries(exited) as [JourneyExitReason, number][])
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${formatCount(n)} ${EXIT_REASON_WORDS[reason]}`)
    .join(", ");

/**
 * A journey's steps read top to bottom from the entry, the branches of a split (or of a wait for an
 * event) side by side under their exit's name until they meet again; each step with its live figures
 * (GET …/stats every 10 s) and a table of the same figures below for screen readers and keyboards.
 */
export function JourneyFlow({
  journeyId,
  definition,
  templates,
  initialStats,
}: {
  journeyId: string;
  definition: JourneyDefinition;
  templates: TemplateNames;
  /** The current version's figures as the page read them; null for a draft, which has none. */
  initialStats: JourneyStats | null;
}) {
  const stats = useJourneyStats(journeyId, initialStats);
  const scroller = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(scroller);
  const nodes = nodesById(definition);
  const figures = new Map((stats?.nodes ?? []).map((n) => [n.nodeId, n]));
  const order = topologicalOrder(definition) ?? definition.nodes;

  const card = (node: JourneyNode) => {
    const f = figures.get(node.id);
    return (
      <Card className="mx-auto w-full max-w-sm" aria-label={`Step ${node.label ?? node.id}`} role="group">
        <div className="grid gap-1 p-4">
          <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
            {NODE_KIND_LABELS[node.kind]}
            {node.label && <span className="normal-case"> · {node.label}</span>}
          </p>
          <p className="text-sm font-medium">{describeNode(node, templates, nodes)}</p>
          {stats && (
            <p className="text-xs tabular-nums text-muted-foreground">
              {formatCount(f?.now ?? 0)} in it now · {formatCount(f?.passed ?? 0)} passed
              {f && exitedWords(f.exited) && ` · exited here: ${exitedWords(f.exited)}`}
            </p>
          )}
          {f?.messages && <SendStepFigures funnel={f.messages} />}
        </div>
      </Card>
    );
  };

  const t = stats?.totals;
  const converted = t ? estimateRate(t.converted, t.entered) : null;
  const waitsFor = definition.goal
    ? `Goal: “${definition.goal.event}” within ${describeMinutes(definition.goal.windowDays * 1440)}`
    : null;

  return (
    <div className="grid gap-6">
      {t && stats && (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Version {stats.version} so far</h2>
            </CardTitle>
            <CardDescription>
              As of {asOfTime(stats.asOf)}, refreshed every {JOURNEY_STATS_REFRESH_MS / 1000} s.
              {waitsFor && ` ${waitsFor}.`}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Journey totals">
              {[
                ["Entered", formatCount(t.entered)],
                ["In journey now", formatCount(t.inJourney)],
                ["Converted", formatCount(t.converted)],
                [
                  "Conversion rate",
                  t.entered === 0
                    ? "—"
                    : converted && !converted.tooFew
                      ? formatPercent(converted.value)
                      : `too few to tell (n = ${formatCount(t.entered)})`,
                ],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-muted-foreground">{label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Steps</h2>
          </CardTitle>
          <CardDescription>Read from the entry down; branches side by side under the exit they take.</CardDescription>
        </CardHeader>
        <CardContent>
          {/* Wide splits scroll sideways here rather than the page; a region that scrolls takes focus (WCAG 2.1.1). */}
          <div
            ref={scroller}
            className="overflow-x-auto rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={scrolls ? 0 : undefined}
            role="region"
            aria-label="Journey flow"
          >
            <FlowSteps
              definition={definition}
              step={card}
              branchNote={(node, exit) =>
                stats && ` · ${formatCount(figures.get(node.id)?.byExit[exit] ?? 0)} went this way`
              }
            />
          </div>
        </CardContent>
      </Card>

      {stats && (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Figures per step</h2>
            </CardTitle>
            <CardDescription>The same figures as the flow, one row a step.</CardDescription>
          </CardHeader>
          <CardContent>
            <Table aria-label="Figures per step">
              <TableHeader>
                <TableRow>
                  <TableHead>Step</TableHead>
                  <TableHead>What it does</TableHead>
                  <TableHead className="text-right">Reached</TableHead>
                  <TableHead className="text-right">In it now</TableHead>
                  <TableHead className="text-right">Passed</TableHead>
                  <TableHead>Exited here</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {order.map((node) => {
                  const f = figures.get(node.id);
                  return (
                    <TableRow key={node.id}>
                      <TableCell className="font-medium">{node.label ?? NODE_KIND_LABELS[node.kind]}</TableCell>
                      <TableCell className="text-sm">{describeNode(node, templates, nodes)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatCount(f?.reached ?? 0)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatCount(f?.now ?? 0)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatCount(f?.passed ?? 0)}</TableCell>
                      <TableCell className="text-sm text-muted-foreground">
                        {(f && exitedWords(f.exited)) || "–"}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
