import { db } from "@/lib/db";
import { checkPersona, type LastCheck } from "./check-persona";
import { personaFieldsSchema } from "./schema";

/**
 * The daily assumption check: every bound persona not checked yet today (UTC) is checked again,
 * one at a time, so the gallery's "mostly contradicted" warnings follow the data without anyone
 * opening each persona. Re-checking is idempotent, so several workers may run it. Returns how many.
 */
export async function checkDuePersonas(now = new Date()): Promise<number> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const bound = await db.persona.findMany({ where: { segmentId: { not: null } }, select: { id: true, workspaceId: true, segmentId: true, assumptions: true, lastCheck: true } });
  let checked = 0;
  for (const persona of bound) {
    const last = persona.lastCheck as LastCheck | null;
    if (last && Date.parse(last.at) >= today) continue;
    try {
      await checkPersona(persona.workspaceId, { id: persona.id, segmentId: persona.segmentId, assumptions: personaFieldsSchema.shape.assumptions.parse(persona.assumptions) });
      checked++;
    } catch (error) {
      console.error(`persona ${persona.id}: daily check failed`, error);
    }
  }
  return checked;
}
