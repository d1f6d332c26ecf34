import { Badge } from "@/components/ui/badge";
import type { ColumnDef } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit/server";
import { AuditChange } from "./audit-change";

/**
 * The audit log's columns: three, so the change itself stays in view at 1024 px (five pushed it
 * off the right). The server reads the log newest first a page at a time ("Load older changes"),
 * so no column is sortable.
 */
export const auditColumns: ColumnDef<AuditRow>[] = [
  {
    id: "when",
    header: "When (UTC) · who",
    meta: { className: "w-48", cellClassName: "align-top" },
    cell: ({ row: { original: row } }) => (
      <>
        <span className="block whitespace-nowrap tabular-nums">{row.at.slice(0, 19).replace("T", " ")}</span>
        <span className="block text-xs break-all text-muted-foreground">{row.actorEmail}</span>
      </>
    ),
  },
  {
    id: "what",
    header: "What",
    enableHiding: false,
    meta: { className: "w-56", cellClassName: "align-top" },
    cell: ({ row: { original: row } }) => (
      <>
        <Badge variant="secondary">{row.action}</Badge>
        <span className="mt-1 block">
          {row.entityType}
          {row.entityLabel && <span className="text-muted-foreground"> · {row.entityLabel}</span>}
        </span>
        <span className="block font-mono text-xs break-all text-muted-foreground">{row.entityId}</span>
      </>
    ),
  },
  {
    id: "change",
    header: "Change",
    meta: { cellClassName: "align-top" },
    cell: ({ row: { original: row } }) => <AuditChange before={row.before} after={row.after} />,
  },
];
