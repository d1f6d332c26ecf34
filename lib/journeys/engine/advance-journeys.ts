import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadStoredPolicy } from "@/lib/delivery/policy/load-policy";
import { loadReferences, type References } from "@/lib/segments/load-references";
import { loadVersions, type LoadedVersion } from "./load-versions";
import { runEntry } from "./run-entry";
import { claimEntriesSql, lockClaimedEntrySql, type ClaimedEntry } from "./sql";

/** Entries claimed per round: each runs in its own short transaction. */
export const JOURNEY_BATCH = Number(process.env.TAILOR_JOURNEY_BATCH ?? 100);
// Long enough for a batch's runs; a worker killed mid-batch hands its entries on after it.
export const JOURNEY_LEASE_MS = Number(process.env.TAILOR_JOURNEY_LEASE_MS ?? 60_000);

const WORKER_ID = `${hostname()}:${process.pid}`;

export type AdvanceOptions = {
  limit?: number;
  now?: Date;
  /** Names this claim in lockedBy; two callers in one process (tests) pass different ones. */
  workerId?: string;
  /** Runs inside each entry's transaction after its steps and before it commits (crash tests). */
  beforeCommit?: (entry: ClaimedEntry) => Promise<void>;
};

/**
 * One round of the journey worker: claims due entries of live journeys (FOR UPDATE SKIP LOCKED, a
 * lease, committed before anything runs — as the delivery worker claims messages), then runs each
 * in its own transaction until it waits or exits. A transaction per entry, not per batch: one
 * entry whose run fails (its lease then runs out and it is tried again) does not undo the others'.
 * Returns how many entries it claimed, ran and failed to run.
 */
export async function advanceJourneys(
  options: AdvanceOptions = {},
): Promise<{ claimed: number; advanced: number; failed: number }> {
  const now = options.now ?? new Date();
  const workerId = options.workerId ?? WORKER_ID;
  const leaseUntil = new Date(now.getTime() + JOURNEY_LEASE_MS);
  const claimed = await db.$queryRaw<ClaimedEntry[]>(
    claimEntriesSql(options.limit ?? JOURNEY_BATCH, leaseUntil, workerId, now),
  );
  let advanced = 0;
  let failed = 0;
  for (const [workspaceId, entries] of byWorkspace(claimed)) {
    // Read before any transaction opens: the embedded database runs one transaction at a time, so a
    // query outside the open one would wait for it.
    const versions = await loadVersions(
      db,
      workspaceId,
      entries.map((e) => e.versionId),
    );
    const references = await segmentReferences(workspaceId, versions.values());
    const { policy } = await loadStoredPolicy(workspaceId);
    for (const entry of entries) {
      const version = versions.get(entry.versionId);
      if (!version) {
        failed++;
        console.error(`journeys: entry ${entry.id} names a missing version ${entry.versionId}`);
        continue;
      }
      try {
        if (await runClaimed(entry, { version, references, policy, now, leaseUntil, workerId, options })) advanced++;
      } catch (error) {
        failed++;
        console.error(`journeys: entry ${entry.id} failed (tried again after its lease):`, (error as Error).message);
      }
    }
  }
  return { claimed: claimed.length, advanced, failed };
}

async function runClaimed(
  entry: ClaimedEntry,
  c: {
    version: LoadedVersion;
    references: Map<string, References>;
    policy: Awaited<ReturnType<typeof loadStoredPolicy>>["policy"];
    now: Date;
    leaseUntil: Date;
    workerId: string;
    options: AdvanceOptions;
  },
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      // The fence: still ours and still in the journey (a goal may have exited it since the claim),
      // read again under the lock (an event may have released its wait since).
      const [held] = await tx.$queryRaw<ClaimedEntry[]>(
        lockClaimedEntrySql(entry.workspaceId, entry.id, c.leaseUntil, c.workerId),
      );
      if (!held) return false;
      const result = await runEntry(
        { tx, now: c.now, version: c.version, references: c.references, policy: c.policy },
        held,
      );
      await tx.journeyEntry.update({
        where: { workspaceId_id: { workspaceId: entry.workspaceId, id: entry.id } },
        data:
          result.state === "waiting"
            ? {
                nodeId: result.nodeId,
                state: "waiting",
                dueAt: result.dueAt,
                waitingFor: result.waitingFor,
                eventAt: null,
                leaseUntil: null,
                lockedBy: null,
              }
            : {
                nodeId: result.nodeId,
                state: "exited",
                exitReason: result.exitReason,
                exitedAt: c.now,
                dueAt: null,
                waitingFor: null,
                leaseUntil: null,
                lockedBy: null,
              },
      });
      await c.options.beforeCommit?.(entry);
      return true;
    },
    { timeout: 30_000, maxWait: 30_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

function byWorkspace(entries: readonly ClaimedEntry[]): Map<string, ClaimedEntry[]> {
  const result = new Map<string, ClaimedEntry[]>();
  for (const e of entries) result.set(e.workspaceId, [...(result.get(e.workspaceId) ?? []), e]);
  return result;
}

/** The segments and personas every segment condition of these versions names, keyed as runEntry reads them. */
async function segmentReferences(
  workspaceId: string,
  versions: Iterable<LoadedVersion>,
): Promise<Map<string, References>> {
  const result = new Map<string, References>();
  for (const version of versions) {
    for (const node of version.definition.nodes)
      if (node.kind === "split" && node.split.type === "condition" && node.split.condition.type === "segment")
        result.set(`${version.id}:${node.id}`, await loadReferences(workspaceId, node.split.condition.definition));
    for (const [i, criterion] of version.definition.exitCriteria.entries())
      if (criterion.type === "segment")
        result.set(`${version.id}:exit:${i}`, await loadReferences(workspaceId, criterion.definition));
  }
  return result;
}
