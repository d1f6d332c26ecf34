-- Capture and fold (docs/data.md): POST /api/v1/batch appends validated calls here in one short
-- statement; the worker folds them into events, rollups and traits in commit order, lane by lane.
-- Its own schema: Prisma cannot model a partitioned table, and does not introspect this schema, so
-- `db:check` and `db:status` see no drift when the worker creates a day's partition at run time.
CREATE SCHEMA "tailor_intake";

CREATE SEQUENCE "tailor_intake"."call_seq";

-- No foreign key and no unique key: capture is an append, the fold dedups by (workspaceId, messageId)
-- where events land. `xid` is the capturing transaction's id; with `seq` it orders rows by commit
-- for the fold's cursor (a row is folded once every transaction that could precede it has ended).
CREATE TABLE "tailor_intake"."call" (
    "seq" BIGINT NOT NULL DEFAULT nextval('"tailor_intake"."call_seq"'),
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "workspaceId" TEXT NOT NULL,
    "lane" SMALLINT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "messageId" TEXT NOT NULL,
    "call" JSONB NOT NULL
) PARTITION BY RANGE ("receivedAt");

-- A fold reads a lane's next rows in (xid, seq) order; every day's partition gets this index.
CREATE INDEX "call_lane_xid_seq_idx" ON "tailor_intake"."call" ("lane", "xid", "seq");

-- The safety net: a capture into a day whose partition the worker has not made yet still lands.
CREATE TABLE "tailor_intake"."call_default" PARTITION OF "tailor_intake"."call" DEFAULT;

-- One row per lane: the last row folded, in commit order.
CREATE TABLE "tailor_intake"."cursor" (
    "lane" SMALLINT NOT NULL PRIMARY KEY,
    "xid" xid8 NOT NULL DEFAULT '0',
    "seq" BIGINT NOT NULL DEFAULT 0,
    "foldedAt" TIMESTAMPTZ(3),
    "folded" BIGINT NOT NULL DEFAULT 0
);
-- Lanes 0–3: live traffic, hashed by workspace; lane 4: imports and historical loads (no triggers).
INSERT INTO "tailor_intake"."cursor" ("lane") SELECT generate_series(0, 4);

-- Calls the fold could not store (an alias between two known profiles, a deleted workspace, a call
-- that kept failing the fold): kept with the field and reason, and the call itself to capture again.
CREATE TABLE "tailor_intake"."refused" (
    "id" BIGSERIAL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "lane" SMALLINT NOT NULL,
    "messageId" TEXT,
    "field" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "call" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "refused_workspaceId_at_idx" ON "tailor_intake"."refused" ("workspaceId", "at");
