import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { RowError } from "./convert-row";
import { csvCell } from "@/lib/csv";

export type ImportProgress = {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  totalRows: number;
  processedRows: number;
  acceptedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  failure: string | null;
  errorSample: RowError[];
};

export async function getImport(workspaceId: string, importId: string): Promise<ImportProgress> {
  const row = await db.import.findFirst({ where: { id: importId, workspaceId } });
  if (!row) throw notFound("That import");
  const {
    errors,
    mapping: _mapping,
    fileHash: _hash,
    workspaceId: _ws,
    createdById: _by,
    createdAt: _c,
    finishedAt: _f,
    ...progress
  } = row;
  return { ...progress, errorSample: (errors as RowError[]).slice(0, 5) };
}

/** The per-row error report as CSV: row number (header = row 1), column, reason. */
export async function importErrorReport(workspaceId: string, importId: string): Promise<string> {
  const row = await db.import.findFirst({ where: { id: importId, workspaceId }, select: { errors: true } });
  if (!row) throw notFound("That import");
  const lines = (row.errors as RowError[]).map((e) => [e.row, e.column, e.reason].map(csvCell).join(","));
  return ["row,column,reason", ...lines].join("\n") + "\n";
}
