import { db } from "@/lib/db/client";
import { checkPersona, storeLastCheck } from "./check-persona";
import { claimInsights, computePersonaInsights, dayStartUtc, type StoredInsights } from "./compute-persona-insights";
import { insightBasis } from "./insight-basis";
import { personaFieldsSchema } from "./schema";
import { seconds, timeToGo } from "@/lib/progress";

/**
 * The daily check, run by the worker every round: every bound persona whose stored insights are
 * not from today (UTC) or were computed from an audience definition since edited gets them
 * computed again, one at a time — the distributions, sub-persona shares and the assumption tally
 * the gallery warns with. Each computation is claimed first, so several workers (and a page
 * request starting one) never compute the same persona twice at once. Returns how many it computed.
 */
export async function checkDuePersonas(now = new Date(), report?: (line: string) => void): Promise<number> {
  const bound = await db.persona.findMany({
    where: { segmentId: { not: null } },
    select: {
      id: true,
      workspaceId: true,
      segmentId: true,
      assumptions: true,
      lastCheck: true,
      children: { select: { id: true, segmentId: true } },
      insight: { select: { basis: true, asOf: true, data: true } },
    },
  });
  let computed = 0;
  const started = Date.now();
  for (const [index, persona] of bound.entries()) {
    if (report && index > 0) {
      const elapsed = Date.now() - started;
      report(
        `persona checks: ${index}/${bound.length} personas, about ${timeToGo(elapsed, index / bound.length)} to go`,
      );
    }
    try {
      const basis = await insightBasis(persona.workspaceId, persona);
      const stored = persona.insight;
      if (stored?.asOf && stored.basis === basis && stored.asOf >= dayStartUtc(now)) {
        // Current figures; the claims may have been edited since (an edit clears the tally).
        const assumptions = personaFieldsSchema.shape.assumptions.parse(persona.assumptions);
        const { lastCheck } = checkPersona(
          { segmentId: persona.segmentId, assumptions },
          (stored.data as unknown as StoredInsights).stats,
          stored.asOf,
        );
        await storeLastCheck(persona.workspaceId, persona.id, lastCheck, persona.lastCheck);
        continue;
      }
      const claim = await claimInsights(persona.workspaceId, persona.id, basis, now);
      if (!claim) continue;
      await computePersonaInsights(persona.workspaceId, persona, claim);
      computed++;
    } catch (error) {
      console.error(`persona ${persona.id}: daily check failed`, error);
    }
  }
  report?.(`persona checks: ${bound.length} personas in ${seconds(Date.now() - started)}`);
  return computed;
}
