import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadStoredPolicy } from "@/lib/delivery/policy/load-policy";
import type { WorkspacePolicy } from "@/lib/delivery/policy/schema";
import { loadReferences, type References } from "@/lib/segments/load-references";
import { loadVersions, type LoadedVersion } from "./load-versions";
import { runGroup } from "./run-group";
import { claimEntriesSql, lockClaimedEntriesSql, placeEntriesSql, type ClaimedEntry, type HeldEntry } from "./sql";

/**
 * Entries claimed per round. The entries of one claim that stand at the same step of the same
 * version run as one group, in one transaction, so this also bounds a group (and its statements'
 * arrays): 1,000 entries through four steps took 0.7–2 s a group on a loaded 2-core machine
 * (docs/performance.md), well inside the lease.
 */
export const JOURNEY_BATCH = Number(process.env.TAILOR_JOURNEY_BATCH ?? 1000);
// Long enough for a claim's groups; a worker killed mid-claim hands its entries on after it.
export const JOURNEY_LEASE_MS = Number(process.env.TAILOR_JOURNEY_LEASE_MS ?? 60_000);

const WORKER_ID = `${hostname()}:${process.pid}`;

export type AdvanceOptions = {
  limit?: number;
  now?: Date;
  /** Names this claim in lockedBy; two callers in one process (tests) pass different ones. */
  workerId?: string;
  /** Runs inside each group's transaction after its steps and before it commits (crash tests). */
  beforeCommit?: (entries: readonly ClaimedEntry[]) => Promise<void>;
};

type Run = {
  workspaceId: string;
  version: LoadedVersion;
  references: Map<string, References>;
  policy: WorkspacePolicy;
  now: Date;
  leaseUntil: Date;
  workerId: string;
  options: AdvanceOptions;
};

/**
 * One round of the journey worker: claims due entries of live journeys (FOR UPDATE SKIP LOCKED, a
 * lease, committed before anything runs — as the delivery worker claims messages), then runs them
 * in groups — the entries at one step of one version (and in one state) together, one transaction
 * per group (runGroup) — until each waits or exits. A group that fails is run again at once one
 * entry per transaction, so one entry whose run fails (it is then tried again after its lease)
 * does not hold back the others, and a deadlock with a fold costs its group no lease.
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
  for (const [workspaceId, entries] of groupBy(claimed, (e) => e.workspaceId)) {
    // Read before any transaction opens: the embedded database runs one transaction at a time, so a
    // query outside the open one would wait for it.
    const versions = await loadVersions(
      db,
      workspaceId,
      entries.map((e) => e.versionId),
    );
    const references = await segmentReferences(workspaceId, versions.values());
    const { policy } = await loadStoredPolicy(workspaceId);
    for (const group of groupBy(entries, (e) => `${e.versionId}\u0000${e.nodeId}\u0000${e.state}`).values()) {
      const version = versions.get(group[0]!.versionId);
      if (!version) {
        failed += group.length;
        console.error(`journeys: ${group.length} entries name a missing version ${group[0]!.versionId}`);
        continue;
      }
      const run: Run = { workspaceId, version, references, policy, now, leaseUntil, workerId, options };
      const result = await runGuarded(run, group);
      advanced += result.advanced;
      failed += result.failed;
    }
  }
  return { claimed: claimed.length, advanced, failed };
}

async function runGuarded(run: Run, group: ClaimedEntry[]): Promise<{ advanced: number; failed: number }> {
  try {
    return { advanced: await runInTransaction(run, group), failed: 0 };
  } catch (error) {
    const message = (error as Error).message;
    if (group.length === 1) {
      console.error(`journeys: entry ${group[0]!.id} failed (tried again after its lease):`, message);
      return { advanced: 0, failed: 1 };
    }
    console.error(`journeys: a group of ${group.length} entries failed (each runs again on its own):`, message);
  }
  // Nothing of the failed group committed and its lease still holds, so each entry passes the fence again.
  let advanced = 0;
  let failed = 0;
  for (const entry of group) {
    const result = await runGuarded(run, [entry]);
    advanced += result.advanced;
    failed += result.failed;
  }
  return { advanced, failed };
}

/** One group in one transaction: the fence, the steps (runGroup), the entries' new positions, the commit. */
function runInTransaction(run: Run, group: readonly ClaimedEntry[]): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const held = await tx.$queryRaw<HeldEntry[]>(
        lockClaimedEntriesSql(
          run.workspaceId,
          group.map((e) => e.id),
          run.leaseUntil,
          run.workerId,
        ),
      );
      if (held.length === 0) return 0;
      const placements = await runGroup({ ...run, tx }, held);
      await tx.$executeRaw(placeEntriesSql(run.workspaceId, placements, run.now));
      await run.options.beforeCommit?.(group);
      return held.length;
    },
    { timeout: 60_000, maxWait: 30_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const result = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = result.get(k);
    if (list) list.push(item);
    else result.set(k, [item]);
  }
  return result;
}

/** The segments and personas every segment condition of these versions names, keyed as runGroup reads them. */
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
