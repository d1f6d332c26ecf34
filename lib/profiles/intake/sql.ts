import { Prisma } from "@/lib/generated/prisma/client";
import { ident } from "@/lib/db/identifier";
import { PENDING_COUNT_CAP } from "./lanes";

// The intake lives in its own schema (migration ingest_intake): Prisma neither models nor diffs it.
const CALL = Prisma.sql`"tailor_intake"."call"`;
const CURSOR = Prisma.sql`"tailor_intake"."cursor"`;
const REFUSED = Prisma.sql`"tailor_intake"."refused"`;
const partition = (name: string) => Prisma.sql`"tailor_intake".${ident(name)}`;

/** One captured call: its messageId and the normalized call (serialized once, with the whole request). */
export type CapturedRow = { messageId: string; call: object };

/**
 * Appends a request's calls in one autocommit statement, one JSON document for all rows (each call
 * nested as an object, not as a string of its own: serializing it twice and escaping the inner
 * quotes was a tenth of capture's CPU); the row's xid and seq come from the column defaults (the
 * capturing transaction, the sequence).
 */
export const captureCallsSql = (workspaceId: string, lane: number, receivedAt: Date, rows: readonly CapturedRow[]) =>
  Prisma.sql`
  INSERT INTO ${CALL} ("workspaceId", "lane", "receivedAt", "messageId", "call")
  SELECT ${workspaceId}, ${lane}, ${receivedAt}::timestamptz, u."messageId", u."call"
  FROM json_to_recordset(${JSON.stringify(rows)}::json) AS u("messageId" text, "call" jsonb)`;

// CREATE TABLE IF NOT EXISTS is not safe against a concurrent CREATE of the same table (42P07): the
// worker and every app process make partitions, so they take turns on this lock first.
export const partitionsLockSql = () =>
  Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('tailor_intake.call partitions'))`;

/** A day's partition, `[day, day + 1)` in UTC; nothing when it exists. */
export const createPartitionSql = (name: string, from: string, to: string) => Prisma.sql`
  CREATE TABLE IF NOT EXISTS ${partition(name)} PARTITION OF ${CALL}
  FOR VALUES FROM (${Prisma.raw(`'${from}T00:00:00Z'`)}) TO (${Prisma.raw(`'${to}T00:00:00Z'`)})`;
// (Partition bounds must be literals, not parameters; `from`/`to` are checked yyyy-mm-dd strings.)

/**
 * Locks a lane's cursor unless another worker holds it, and reads the horizon in the same statement,
 * before this transaction writes anything: every transaction with an xid below it has ended, so no
 * row with a smaller (xid, seq) can still appear.
 */
export const lockCursorSql = (lane: number) => Prisma.sql`
  SELECT "xid"::text AS "xid", "seq", pg_snapshot_xmin(pg_current_snapshot())::text AS "horizon"
  FROM ${CURSOR} WHERE "lane" = ${lane} FOR UPDATE SKIP LOCKED`;

/**
 * A lane's next committed rows after the cursor, in commit order. (Ordered by the table's columns:
 * the output's "xid" is text, and text order would put xid 1000 before 999.) An index range scan
 * of "call_lane_xid_seq_idx" per partition.
 */
export const nextCallsSql = (lane: number, after: { xid: string; seq: bigint }, horizon: string, limit: number) =>
  Prisma.sql`
  SELECT i."xid"::text AS "xid", i."seq", i."workspaceId", i."messageId", i."receivedAt", i."call"
  FROM ${CALL} i
  WHERE i."lane" = ${lane} AND i."xid" < ${horizon}::xid8 AND (i."xid", i."seq") > (${after.xid}::xid8, ${after.seq})
  ORDER BY i."xid", i."seq" LIMIT ${limit}`;

/**
 * Lanes with a committed call to fold: read-only and without a transaction id, so an idle worker
 * polling every lane takes no lock, no xid and writes no WAL. LATERAL … LIMIT 1 makes it one index
 * probe per lane and partition (a semi-join hashed every row of the intake: 120 ms at 200,000 rows).
 */
export const foldableLanesSql = () => Prisma.sql`
  SELECT c."lane" FROM ${CURSOR} c, LATERAL (
    SELECT 1 FROM ${CALL} i WHERE i."lane" = c."lane" AND (i."xid", i."seq") > (c."xid", c."seq")
      AND i."xid" < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY i."xid", i."seq" LIMIT 1) next
  ORDER BY 1`;

export const advanceCursorSql = (lane: number, to: { xid: string; seq: bigint }, folded: number) => Prisma.sql`
  UPDATE ${CURSOR} SET "xid" = ${to.xid}::xid8, "seq" = ${to.seq}, "foldedAt" = now(), "folded" = "folded" + ${folded}
  WHERE "lane" = ${lane}`;

/** Marks a round that found nothing, so "last folded at" tells an idle lane from a stuck one. */
export const touchCursorSql = (lane: number) => Prisma.sql`
  UPDATE ${CURSOR} SET "foldedAt" = now() WHERE "lane" = ${lane}`;

export const existingWorkspacesSql = (ids: string[]) => Prisma.sql`
  SELECT "id" FROM "Workspace" WHERE "id" = ANY(${ids}::text[])`;

export type RefusedRow = {
  workspaceId: string;
  messageId: string | null;
  field: string;
  reason: string;
  call: unknown;
};

export const recordRefusedSql = (lane: number, rows: readonly RefusedRow[]) => Prisma.sql`
  INSERT INTO ${REFUSED} ("workspaceId", "lane", "messageId", "field", "reason", "call")
  SELECT u."workspaceId", ${lane}, u."messageId", u."field", u."reason", u."call"
  FROM json_to_recordset(${JSON.stringify(rows)}::json)
    AS u("workspaceId" text, "messageId" text, "field" text, "reason" text, "call" jsonb)`;

/**
 * Per lane: rows captured and not folded yet (committed ones; a capture still open is invisible; counted
 * up to PENDING_COUNT_CAP + 1), the oldest of them, when the lane last folded, and calls it refused.
 * The oldest is among the first rows in commit order: a row committed later can only be older by how
 * long its capture's statement took.
 */
export const foldStatusSql = () => Prisma.sql`
  SELECT c."lane", c."foldedAt", c."folded", p."pending", p."oldestPendingAt",
    (SELECT count(*) FROM ${REFUSED} r WHERE r."lane" = c."lane")::int AS "refused"
  FROM ${CURSOR} c, LATERAL (
    SELECT count(*)::int AS "pending", min(n."receivedAt") AS "oldestPendingAt" FROM (
      SELECT i."receivedAt" FROM ${CALL} i WHERE i."lane" = c."lane" AND (i."xid", i."seq") > (c."xid", c."seq")
      ORDER BY i."xid", i."seq" LIMIT ${PENDING_COUNT_CAP + 1}) n) p
  ORDER BY c."lane"`;

/** The intake's partitions (the default one too), by name. */
export const partitionsSql = () => Prisma.sql`
  SELECT child.relname AS "name"
  FROM pg_inherits JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
    JOIN pg_namespace n ON n.oid = parent.relnamespace
  WHERE n.nspname = 'tailor_intake' AND parent.relname = 'call' ORDER BY 1`;

/** Whether a partition holds any row (an empty default partition needs no truncating). */
export const partitionHasRowsSql = (name: string) =>
  Prisma.sql`SELECT EXISTS (SELECT 1 FROM ${partition(name)}) AS "hasRows"`;

/** Whether a partition still holds a row some lane's cursor has not passed, or one received at or after `before`. */
export const partitionInUseSql = (name: string, before: Date) => Prisma.sql`
  SELECT EXISTS (
    SELECT 1 FROM ${partition(name)} i JOIN ${CURSOR} c ON c."lane" = i."lane"
    WHERE (i."xid", i."seq") > (c."xid", c."seq") OR i."receivedAt" >= ${before}::timestamptz
  ) AS "inUse"`;

// Dropping a partition locks the whole intake: bounded, so a busy moment just defers it (captures queue
// behind the waiting lock that long at most, a few times a day). The parent first, as captures and
// folds lock it: locking the old partition first could deadlock with a fold that holds the parent.
export const lockTimeoutSql = () => Prisma.sql`SELECT set_config('lock_timeout', '2s', true)`;
export const lockIntakeSql = () => Prisma.sql`LOCK TABLE ${CALL} IN ACCESS EXCLUSIVE MODE`;
export const dropPartitionSql = (name: string) => Prisma.sql`DROP TABLE ${partition(name)}`;
export const truncatePartitionSql = (name: string) => Prisma.sql`TRUNCATE ${partition(name)}`;

/**
 * One workspace's calls not folded yet, in the lanes it can use (its live lane and the import lane):
 * only its own rows are counted (up to PENDING_COUNT_CAP + 1 per lane), as another workspace's
 * volume is not its business.
 */
export const workspacePendingSql = (workspaceId: string, lanes: readonly number[]) => Prisma.sql`
  SELECT count(*)::int AS "pending", min(p."receivedAt") AS "oldestPendingAt"
  FROM ${CURSOR} c, LATERAL (
    SELECT i."receivedAt" FROM ${CALL} i
    WHERE i."lane" = c."lane" AND (i."xid", i."seq") > (c."xid", c."seq") AND i."workspaceId" = ${workspaceId}
    ORDER BY i."xid", i."seq" LIMIT ${PENDING_COUNT_CAP + 1}) p
  WHERE c."lane" = ANY(${lanes}::int[])`;

/** A workspace's latest refused calls, newest first (index "refused_workspaceId_at_idx"). */
export const latestRefusedSql = (workspaceId: string, limit: number) => Prisma.sql`
  SELECT "id"::text AS "id", "lane", "messageId", "field", "reason", "at"
  FROM ${REFUSED} WHERE "workspaceId" = ${workspaceId} ORDER BY "at" DESC, "id" DESC LIMIT ${limit}`;

/**
 * The server's oldest open transactions other than this one: one with a transaction id
 * (`backend_xid`) keeps the fold's horizon below it until it ends. Every database of the server
 * counts, as transaction ids are the server's.
 */
export const openTransactionsSql = (minAgeMs: number, limit: number) => Prisma.sql`
  SELECT a."pid", a."datname", a."state", a."xact_start" AS "xactStart",
    (extract(epoch FROM now() - a."xact_start") * 1000)::float8 AS "ageMs",
    a."wait_event_type" AS "waitEventType", a."wait_event" AS "waitEvent", left(a."query", 120) AS "query",
    a."backend_xid"::text AS "backendXid", a."backend_xmin"::text AS "backendXmin"
  FROM pg_stat_activity a
  WHERE a."xact_start" IS NOT NULL AND a."pid" <> pg_backend_pid()
    AND (a."backend_xid" IS NOT NULL OR a."backend_xmin" IS NOT NULL)
    AND a."xact_start" <= now() - make_interval(secs => ${minAgeMs}::float8 / 1000)
  ORDER BY a."xact_start" LIMIT ${limit}`;
