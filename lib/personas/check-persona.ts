import { db } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { audienceStats } from "./audience-stats";
import { evaluateAssumptions, personaWarnings, tallyVerdicts, type AssumptionVerdict, type AudienceStats, type CheckTally } from "./evaluate-assumptions";
import type { Assumption } from "./schema";

export type LastCheck = CheckTally & { at: string; size: number };

export type PersonaCheck = { stats: AudienceStats | null; verdicts: AssumptionVerdict[]; warnings: string[] };

/**
 * Reads the audience, checks every assumption, and stores the tally on the persona so the
 * gallery can warn about contradicted personas without recounting each one.
 */
export async function checkPersona(workspaceId: string, persona: { id: string; segmentId: string | null; assumptions: readonly Assumption[] }): Promise<PersonaCheck> {
  const stats = persona.segmentId ? await audienceStats(workspaceId, persona.segmentId) : null;
  const verdicts = evaluateAssumptions(persona.assumptions, stats);
  const tally = tallyVerdicts(verdicts);
  const lastCheck: LastCheck = { at: new Date().toISOString(), size: stats?.size ?? 0, ...tally };
  await db.persona.updateMany({ where: { workspaceId, id: persona.id }, data: { lastCheck: lastCheck as unknown as InputJsonValue } });
  return { stats, verdicts, warnings: personaWarnings(persona.segmentId !== null, tally) };
}
