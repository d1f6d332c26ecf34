import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import type { ColumnDef } from "@/components/ui/data-table";
import type { ExperimentListItem } from "@/lib/experiments/server";
import { count, DECISION_LABEL, metricName, pct, STATUS_LABEL } from "./format";

const statusVariant = { draft: "outline", running: "default", concluded: "secondary" } as const;
const STATUS_ORDER = ["draft", "running", "concluded"];
const decision = (e: ExperimentListItem) =>
  e.decision
    ? `${DECISION_LABEL[e.decision] ?? e.decision}${e.shippedVariantKey ? ` ${e.shippedVariantKey}` : ""}`
    : "";

/** The experiments list's columns; in the server's order (last changed first) until a header is clicked. */
export const experimentColumns: ColumnDef<ExperimentListItem>[] = [
  {
    id: "name",
    header: "Experiment",
    accessorFn: (e) => e.name,
    enableHiding: false,
    cell: ({ row: { original: e } }) => (
      <>
        <Link href={`/experiments/${e.id}`} className="font-medium text-primary hover:underline">
          {e.name}
        </Link>
        {e.campaignName && (
          <p className="max-w-48 truncate text-xs text-muted-foreground">campaign: {e.campaignName}</p>
        )}
      </>
    ),
  },
  {
    id: "status",
    header: "Status",
    accessorFn: (e) => STATUS_ORDER.indexOf(e.status),
    sortDescFirst: false,
    cell: ({ row: { original: e } }) => <Badge variant={statusVariant[e.status]}>{STATUS_LABEL[e.status]}</Badge>,
  },
  {
    id: "metric",
    header: "Primary metric",
    accessorFn: (e) => metricName(e.primaryMetric),
    meta: { cellClassName: "text-sm" },
  },
  {
    id: "arms",
    header: "Arms",
    accessorFn: (e) => e.variants,
    meta: { className: "text-right", cellClassName: "text-sm tabular-nums" },
    cell: ({ row: { original: e } }) =>
      `${e.variants} variants${e.holdoutShare > 0 ? ` + ${pct(e.holdoutShare, 0)} holdout` : ", no holdout"}`,
  },
  {
    id: "exposed",
    header: "Exposed",
    accessorFn: (e) => e.exposures,
    meta: { className: "text-right", cellClassName: "text-sm tabular-nums" },
    cell: ({ row }) => count(row.original.exposures),
  },
  {
    id: "decision",
    header: "Decision",
    accessorFn: (e) => decision(e) || undefined,
    sortUndefined: "last",
    meta: { cellClassName: "text-sm" },
    cell: ({ row: { original: e } }) =>
      e.decision ? (
        decision(e)
      ) : (
        <span className="text-muted-foreground">{e.status === "running" ? "awaiting an analyst" : "—"}</span>
      ),
  },
  {
    id: "started",
    header: "Started",
    accessorFn: (e) => e.startedAt ?? undefined,
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { cellClassName: "text-sm" },
    cell: ({ row }) => formatUtc(row.original.startedAt, "not launched"),
  },
];
