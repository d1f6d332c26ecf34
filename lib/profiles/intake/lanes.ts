/**
 * Lanes of the intake. Live traffic is spread over a few lanes by workspace, so one workspace's calls
 * (and the identity merges between them) are always folded by one lane in commit order, while
 * workspaces on other lanes fold in parallel. Imports and historical loads have a lane of their own:
 * a backlog there never delays live traffic, and its folds never fire triggered sends.
 */
export const LIVE_LANES = 4;
export const IMPORT_LANE = LIVE_LANES;
export const LANES = Array.from({ length: LIVE_LANES + 1 }, (_, lane) => lane);

export type LaneKind = "live" | "import";
export const laneKind = (lane: number): LaneKind => (lane === IMPORT_LANE ? "import" : "live");

/** The live lane of a workspace: FNV-1a of its id, so every process agrees without asking the database. */
export function liveLaneOf(workspaceId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < workspaceId.length; i++) {
    hash ^= workspaceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % LIVE_LANES;
}

/**
 * Pending calls are counted up to this many per lane and past it shown as "100K+": a status read on
 * every page must not count a bulk load's millions of rows each time.
 */
export const PENDING_COUNT_CAP = 100_000;
