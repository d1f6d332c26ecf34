import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ExperimentListItem } from "@/lib/experiments/server";
import { count, DECISION_LABEL, metricName, pct, STATUS_LABEL } from "./format";

const statusVariant = { draft: "outline", running: "default", concluded: "secondary" } as const;

export function ExperimentsTable({ experiments }: { experiments: ExperimentListItem[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Experiment</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Primary metric</TableHead>
          <TableHead className="text-right">Arms</TableHead>
          <TableHead className="text-right">Exposed</TableHead>
          <TableHead>Decision</TableHead>
          <TableHead>Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {experiments.map((e) => (
          <TableRow key={e.id}>
            <TableCell>
              <Link href={`/experiments/${e.id}`} className="font-medium text-primary hover:underline">
                {e.name}
              </Link>
              {e.campaignName && (
                <p className="max-w-64 truncate text-xs text-muted-foreground">campaign: {e.campaignName}</p>
              )}
            </TableCell>
            <TableCell>
              <Badge variant={statusVariant[e.status]}>{STATUS_LABEL[e.status]}</Badge>
            </TableCell>
            <TableCell className="text-sm">{metricName(e.primaryMetric)}</TableCell>
            <TableCell className="text-right text-sm tabular-nums whitespace-nowrap">
              {e.variants} variants{e.holdoutShare > 0 ? ` + ${pct(e.holdoutShare, 0)} holdout` : ", no holdout"}
            </TableCell>
            <TableCell className="text-right text-sm tabular-nums">{count(e.exposures)}</TableCell>
            <TableCell className="text-sm">
              {e.decision ? (
                `${DECISION_LABEL[e.decision] ?? e.decision}${e.shippedVariantKey ? ` ${e.shippedVariantKey}` : ""}`
              ) : (
                <span className="text-muted-foreground">{e.status === "running" ? "awaiting an analyst" : "—"}</span>
              )}
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">{formatUtc(e.startedAt, "not launched")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
