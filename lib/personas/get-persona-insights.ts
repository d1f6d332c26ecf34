import { listTraitCatalog, type CatalogEntry } from "@/lib/profiles";
import { inSegmentDefinition, runSegmentQuery, sampleAudience, savedAudienceSql, walk, type SampleProfile } from "@/lib/segments";
import { checkPersona, type PersonaCheck } from "./check-persona";
import type { PersonaDetail } from "./get-persona";
import { overlapSql } from "./sql";

export type PersonaInsights = PersonaCheck & {
  sample: SampleProfile[];
  // Each sub-persona's audience that lies inside this persona's, as a count and share of it.
  children: { id: string; size: number; share: number | null }[];
  // Flagged catalog traits; `used` when the bound segment's own conditions read them.
  flaggedTraits: (CatalogEntry & { used: boolean })[];
};

/** The data side of the persona page: distributions, assumption verdicts, sample, sub-persona shares. */
export async function getPersonaInsights(workspaceId: string, persona: PersonaDetail): Promise<PersonaInsights> {
  const check = await checkPersona(workspaceId, persona);
  const segmentId = persona.segment?.id ?? null;
  const sample = segmentId ? await sampleAudience(workspaceId, inSegmentDefinition(segmentId), 8) : [];
  const parentAudience = segmentId ? await savedAudienceSql(workspaceId, segmentId) : null;
  const children = [];
  for (const child of persona.children) {
    if (!child.segmentId || !parentAudience) {
      children.push({ id: child.id, size: 0, share: null });
      continue;
    }
    const [row] = await runSegmentQuery<{ overlap: number }[]>(overlapSql(await savedAudienceSql(workspaceId, child.segmentId), parentAudience));
    const size = row?.overlap ?? 0;
    children.push({ id: child.id, size, share: check.stats && check.stats.size > 0 ? size / check.stats.size : null });
  }
  const used = new Set(persona.segment?.definition ? [...walk(persona.segment.definition.root)].flatMap(({ node }) => (node.kind === "trait" ? [node.field] : [])) : []);
  const flaggedTraits = (await listTraitCatalog(workspaceId)).filter((t) => t.flag).map((t) => ({ ...t, used: used.has(t.key) }));
  return { ...check, sample, children, flaggedTraits };
}
