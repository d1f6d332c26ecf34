import type { Prisma } from "@/lib/generated/prisma/client";
import { insertExposuresSql, mergeExposuresSql } from "./sql";

export type ExposureRow = { profileId: string; variantKey: string; exposedAt: Date };

// Keeps one statement's arrays to a size PostgreSQL and the embedded server handle comfortably.
const CHUNK = 5_000;

/**
 * Records that these profiles were exposed (sent a variant, or — for "holdout" — passed the same
 * policy checks at the moment they would have been sent). Once per profile: the first exposure
 * stays; a later one in another arm marks the profile `multiple` (counted, excluded from the
 * readout). Runs in the sender's transaction so a message and its exposure commit together.
 */
export async function recordExposures(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  experimentId: string,
  rows: readonly ExposureRow[],
): Promise<number> {
  // One row per profile per statement (ON CONFLICT cannot touch a row twice): earliest wins.
  const byProfile = new Map<string, ExposureRow & { multiple: boolean }>();
  for (const row of rows) {
    const seen = byProfile.get(row.profileId);
    if (!seen) byProfile.set(row.profileId, { ...row, multiple: false });
    else {
      const multiple = seen.multiple || seen.variantKey !== row.variantKey;
      byProfile.set(row.profileId, row.exposedAt < seen.exposedAt ? { ...row, multiple } : { ...seen, multiple });
    }
  }
  const list = [...byProfile.values()];
  let written = 0;
  for (let i = 0; i < list.length; i += CHUNK) {
    written += await tx.$executeRaw(insertExposuresSql(workspaceId, experimentId, list.slice(i, i + CHUNK)));
  }
  return written;
}

/** Identity merge (lib/profiles): `from`'s exposures become `into`'s, one unit per experiment (mergeExposuresSql). */
export async function mergeExposures(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  from: string,
  into: string,
): Promise<void> {
  for (const statement of mergeExposuresSql(workspaceId, from, into)) await tx.$executeRaw(statement);
}
