import { db } from "@/lib/db/client";
import {
  evaluateAssumptions,
  personaWarnings,
  tallyVerdicts,
  type AssumptionVerdict,
  type AudienceStats,
  type CheckTally,
} from "./evaluate-assumptions";
import type { Assumption } from "./schema";

/** The tally stored on the persona, so lists can warn without recounting; `at` is when the figures were computed. */
export type LastCheck = CheckTally & { at: string; size: number };

export type PersonaCheck = { stats: AudienceStats | null; verdicts: AssumptionVerdict[]; warnings: string[] };

/**
 * The persona's current assumptions checked against audience figures computed at `at` (null: none
 * yet). Pure and quick, so every read checks the claims as they are now against the stored figures.
 */
export function checkPersona(
  persona: { segmentId: string | null; assumptions: readonly Assumption[] },
  stats: AudienceStats | null,
  at: Date | null,
): PersonaCheck & { lastCheck: LastCheck | null } {
  const verdicts = evaluateAssumptions(persona.assumptions, stats);
  const tally = tallyVerdicts(verdicts);
  return {
    stats,
    verdicts,
    warnings: personaWarnings(persona.segmentId !== null, stats ? tally : null),
    lastCheck: stats && at ? { at: at.toISOString(), size: stats.size, ...tally } : null,
  };
}

/** Stores the tally on the persona when it differs from the one stored (`stored`), and only then. */
export async function storeLastCheck(
  workspaceId: string,
  personaId: string,
  lastCheck: LastCheck | null,
  stored: unknown,
) {
  const same = (key: keyof LastCheck) => (stored as Partial<LastCheck> | null)?.[key] === lastCheck?.[key];
  if (!lastCheck || (["at", "size", "confirmed", "contradicted", "checkable"] as const).every(same)) return;
  await db.persona.updateMany({ where: { workspaceId, id: personaId }, data: { lastCheck: lastCheck } });
}
