import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { readStaticRows, type UnmatchedRow } from "./match-static-members";
import { recordSnapshot } from "./record-snapshot";
import type { CreateStaticSegmentInput } from "./schema";
import { insertStaticMembersSql, matchStaticValuesSql } from "./static-sql";

const CHUNK = 5_000;

export type StaticSegmentReport = {
  id: string;
  name: string;
  column: string;
  rows: number;
  matched: number;
  duplicates: number;
  unmatched: UnmatchedRow[];
};

/** A static segment from a CSV of user ids or e-mails, with a report of the rows that matched no one. */
export async function createStaticSegment(actor: Actor, input: CreateStaticSegmentInput): Promise<StaticSegmentReport> {
  const workspaceId = actor.workspaceId;
  const { column, rows, invalid } = readStaticRows(input.csv);
  if (rows.length === 0)
    throw new AppError(400, "no_members", "The file lists no user ids or e-mail addresses.", "csv");

  const found = new Map<string, string>(); // "email:x" / "externalId:x" → profile id
  for (const by of ["email", "externalId"] as const) {
    const values = [
      ...new Set(rows.filter((r) => r.by === by).map((r) => (by === "email" ? r.value.toLowerCase() : r.value))),
    ];
    for (let i = 0; i < values.length; i += CHUNK) {
      const matches = await db.$queryRaw<{ value: string; profileId: string }[]>(
        matchStaticValuesSql(workspaceId, by, values.slice(i, i + CHUNK)),
      );
      for (const m of matches) found.set(`${by}:${m.value}`, m.profileId);
    }
  }
  const unmatched: UnmatchedRow[] = [...invalid];
  const members = new Set<string>();
  let duplicates = 0;
  for (const r of rows) {
    const profileId = found.get(`${r.by}:${r.by === "email" ? r.value.toLowerCase() : r.value}`);
    if (!profileId)
      unmatched.push({
        row: r.row,
        value: r.value,
        reason: r.by === "email" ? "no profile has this e-mail" : "no profile has this user id",
      });
    else if (members.has(profileId)) duplicates++;
    else members.add(profileId);
  }
  unmatched.sort((a, b) => a.row - b.row);

  const segment = await db.$transaction(async (tx) => {
    const created = await tx.segment.create({
      data: {
        workspaceId,
        name: input.name,
        description: input.description,
        kind: "static",
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    await recordAudit(tx, actor, {
      action: "segment.created",
      entityType: "segment",
      entityId: created.id,
      after: {
        name: created.name,
        kind: "static",
        fileName: input.fileName,
        rows: rows.length + invalid.length,
        matched: members.size,
      },
    });
    return created;
  });
  const ids = [...members];
  // Members go in chunks after the segment exists, so the embedded database is never held long.
  for (let i = 0; i < ids.length; i += CHUNK)
    await db.$executeRaw(insertStaticMembersSql(workspaceId, segment.id, ids.slice(i, i + CHUNK)));
  await db.$transaction((tx) => recordSnapshot(tx, workspaceId, segment.id, members.size));
  return {
    id: segment.id,
    name: segment.name,
    column,
    rows: rows.length + invalid.length,
    matched: members.size,
    duplicates,
    unmatched,
  };
}
