import { createHash } from "node:crypto";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { convertRow, type RowError } from "./convert-row";
import type { StartImportInput } from "./schema";

const CHUNK = 500;
const MAX_STORED_ERRORS = 10_000;

/**
 * Records the import and starts it in the background; the caller polls its progress. Rows go
 * through the same ingestion path as the API, 500 at a time, each chunk its own transaction, so
 * the server keeps answering while 100k rows load.
 */
export async function startImport(actor: Actor, input: StartImportInput) {
  // A byte-order mark (Excel's "CSV UTF-8") is not part of the first column's name.
  const parsed = Papa.parse<Record<string, string>>(input.csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
  });
  const rows = parsed.data;
  if (rows.length === 0) throw new AppError(400, "empty_file", "The file has a header but no rows.", "csv");
  const missing = Object.keys(input.mapping).filter((column) => !(parsed.meta.fields ?? []).includes(column));
  if (missing.length > 0)
    throw new AppError(400, "unknown_column", `The file has no column “${missing[0]}”.`, `mapping.${missing[0]}`);
  const fileHash = createHash("sha256").update(input.csv).digest("hex");

  const created = await db.$transaction(async (tx) => {
    const row = await tx.import.create({
      data: {
        workspaceId: actor.workspaceId,
        kind: input.kind,
        fileName: input.fileName,
        fileHash,
        mapping: input.mapping,
        totalRows: rows.length,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "import.started",
      entityType: "import",
      entityId: row.id,
      after: { kind: input.kind, fileName: input.fileName, rows: rows.length },
    });
    return row;
  });
  void processImport(created.id, actor.workspaceId, input, rows, fileHash);
  return { id: created.id, totalRows: rows.length };
}

async function processImport(
  importId: string,
  workspaceId: string,
  input: StartImportInput,
  rows: Record<string, string>[],
  fileHash: string,
) {
  const errors: RowError[] = [];
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  try {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const calls: Record<string, unknown>[] = [];
      const rowOfCall: number[] = [];
      rows.slice(start, start + CHUNK).forEach((row, offset) => {
        const converted = convertRow(input.kind, row, start + offset, input.mapping, fileHash);
        if ("error" in converted) {
          errors.push(converted.error);
          counts.rejected++;
        } else {
          calls.push(converted.call);
          rowOfCall.push(start + offset + 2);
        }
      });
      // History, not news: imported events are attributed and counted but never fire triggered sends.
      const results = calls.length > 0 ? await ingestCalls(workspaceId, calls, { triggers: () => false }) : [];
      for (const result of results) {
        if (result.status === "rejected")
          errors.push({ row: rowOfCall[result.index]!, column: result.field, reason: result.reason });
        counts[result.status === "duplicate" ? "duplicate" : result.status]++;
      }
      await db.import.update({
        where: { id: importId },
        data: {
          processedRows: Math.min(rows.length, start + CHUNK),
          acceptedRows: counts.accepted,
          duplicateRows: counts.duplicate,
          rejectedRows: counts.rejected,
          errors: errors.slice(0, MAX_STORED_ERRORS),
        },
      });
    }
    await db.import.update({ where: { id: importId }, data: { status: "done", finishedAt: new Date() } });
  } catch (error) {
    // The cause goes to the server log; the person importing gets what to do, not database text.
    console.error(`import ${importId} failed`, error);
    const stored = counts.accepted + counts.duplicate + counts.rejected;
    const failure =
      `The import stopped after ${stored.toLocaleString("en")} of ` +
      `${rows.length.toLocaleString("en")} rows because of a problem on our side; the rows before ` +
      `are stored. Import the file again to add the rest: rows already stored are skipped.`;
    await db.import.update({ where: { id: importId }, data: { status: "failed", failure, finishedAt: new Date() } });
  }
}
