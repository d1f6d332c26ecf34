import { createHash } from "node:crypto";
import { HOLDOUT } from "./schema";

/**
 * A uniform number in [0, 1) from (salt, profile id): the first 52 bits of sha256(salt ":" id).
 * The salt is the experiment's, so two experiments hash the same profile independently, and a
 * re-launch (same salt) puts every profile in the arm it had.
 */
export function unitHash(salt: string, profileId: string): number {
  const digest = createHash("sha256").update(`${salt}:${profileId}`).digest();
  // 52 bits fit a double exactly: 20 high bits + 32 low bits.
  const high = digest.readUInt32BE(0) >>> 12;
  const low = digest.readUInt32BE(4);
  return (high * 2 ** 32 + low) / 2 ** 52;
}

/**
 * The arm of one profile: "holdout" for the first `holdoutShare` of the unit interval, else a
 * variant key by the (normalised) weights over the rest. Deterministic: the sender, a re-launch and
 * a test all get the same answer for the same salt and id.
 */
export function assignArm(
  salt: string,
  profileId: string,
  variants: readonly { key: string; weight: number }[],
  holdoutShare: number,
): string {
  if (variants.length === 0) throw new Error("assignArm needs at least one variant");
  const u = unitHash(salt, profileId);
  if (u < holdoutShare) return HOLDOUT;
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  // Re-scale the non-holdout part to [0, total) so variant weights split only the treated traffic.
  let roll = ((u - holdoutShare) / (1 - holdoutShare)) * total;
  for (const v of variants) {
    roll -= Math.max(0, v.weight);
    if (roll < 0) return v.key;
  }
  return variants.at(-1)!.key;
}
