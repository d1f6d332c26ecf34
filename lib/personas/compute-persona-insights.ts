import { db } from "@/lib/db/client";
import { inSegmentDefinition, savedAudienceSql } from "@/lib/segments/saved-audience";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { sampleAudience } from "@/lib/segments/list-audience";
import { audienceStats } from "./audience-stats";
import { checkPersona, storeLastCheck } from "./check-persona";
import type { AudienceStats } from "./evaluate-assumptions";
import { insightBasis, type InsightSubject } from "./insight-basis";
import { personaFieldsSchema } from "./schema";
import { claimInsightSql, overlapSql } from "./sql";

/** A sub-persona's audience inside this persona's, as a count and a share of it. */
export type ChildShare = { id: string; size: number; share: number | null };
/**
 * What PersonaInsight.data holds. Sample profiles are kept as ids and read when shown, so an erased profile leaves no
 * copy here.
 */
export type StoredInsights = { stats: AudienceStats; children: ChildShare[]; sampleIds: string[] };

const SAMPLE_SIZE = 8;
// Longer than any computation should take (≈ 45 s at 1M profiles before issue 19): a claim older
// than this belonged to a process that died, and the next request may take over.
export const INSIGHT_LEASE_MS = 10 * 60_000;

/** Midnight UTC of `now`'s day: figures computed before it are older than the daily check. */
export const dayStartUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * Claims the persona's insight computation for this process, unless one is running or what is
 * stored matches `basis` and is from today. Returns the claim (its start) or null.
 */
export async function claimInsights(
  workspaceId: string,
  personaId: string,
  basis: string,
  now = new Date(),
): Promise<Date | null> {
  const rows = await db.$queryRaw<{ computingSince: Date }[]>(
    claimInsightSql(workspaceId, personaId, basis, now, new Date(now.getTime() - INSIGHT_LEASE_MS), dayStartUtc(now)),
  );
  return rows[0]?.computingSince ?? null;
}

async function childShares(
  workspaceId: string,
  persona: InsightSubject,
  stats: AudienceStats,
  now: Date,
): Promise<ChildShare[]> {
  const parentAudience = await savedAudienceSql(workspaceId, persona.segmentId!, { now });
  const shares: ChildShare[] = [];
  for (const child of persona.children) {
    if (!child.segmentId) {
      shares.push({ id: child.id, size: 0, share: null });
      continue;
    }
    const [row] = await runSegmentQuery<{ overlap: number }[]>(
      overlapSql(await savedAudienceSql(workspaceId, child.segmentId, { now }), parentAudience),
    );
    const size = row?.overlap ?? 0;
    shares.push({ id: child.id, size, share: stats.size > 0 ? size / stats.size : null });
  }
  return shares;
}

/**
 * The slow part of the persona page, run by whoever holds the claim (`claim`, from claimInsights):
 * every distribution and the response per channel of the bound segment's audience, each
 * sub-persona's share and a sample, stored with when (`asOf`), how long it took and what it was
 * computed from. A failure is stored as `error`; the claim is released either way.
 */
export async function computePersonaInsights(workspaceId: string, persona: InsightSubject, claim: Date): Promise<void> {
  const where = { workspaceId_personaId: { workspaceId, personaId: persona.id } };
  const asOf = new Date();
  try {
    if (!persona.segmentId) throw new Error("No segment is bound.");
    const basis = await insightBasis(workspaceId, persona);
    const stats = await audienceStats(workspaceId, persona.segmentId, asOf);
    const sample = await sampleAudience(workspaceId, inSegmentDefinition(persona.segmentId), SAMPLE_SIZE, {
      now: asOf,
    });
    const data: StoredInsights = {
      stats,
      children: await childShares(workspaceId, persona, stats, asOf),
      sampleIds: sample.map((p) => p.id),
    };
    await db.personaInsight.update({
      where,
      data: { basis, data: data, asOf, durationMs: Date.now() - asOf.getTime(), error: null },
    });
    const current = await db.persona.findUnique({
      where: { workspaceId_id: { workspaceId, id: persona.id } },
      select: { segmentId: true, assumptions: true, lastCheck: true },
    });
    if (current) {
      const { lastCheck } = checkPersona(
        { segmentId: current.segmentId, assumptions: personaFieldsSchema.shape.assumptions.parse(current.assumptions) },
        stats,
        asOf,
      );
      await storeLastCheck(workspaceId, persona.id, lastCheck, current.lastCheck);
    }
  } catch (error) {
    console.error(`persona ${persona.id}: computing insights failed`, error);
    await db.personaInsight.updateMany({
      where: { workspaceId, personaId: persona.id },
      data: { error: (error as Error).message || "The computation failed." },
    });
  } finally {
    // Released only if still ours: after a lease expiry another process may hold it now.
    await db.personaInsight.updateMany({
      where: { workspaceId, personaId: persona.id, computingSince: claim },
      data: { computingSince: null },
    });
  }
}
