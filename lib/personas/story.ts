import type { Persona } from "@/lib/generated/prisma/client";
import { personaFieldsSchema, type PersonaFields } from "./schema";

export const STORY_KEYS = [
  "name",
  "summary",
  "narrative",
  "goals",
  "painPoints",
  "motivations",
  "objections",
  "jobsToBeDone",
  "priorities",
  "channels",
  "tone",
  "assumptions",
  "segmentId",
] as const satisfies readonly (keyof PersonaFields)[];

/** A persona row's story fields, parsed by the shared schema (JSON columns are typed here, once). */
export function storyOf(row: Persona): PersonaFields {
  return personaFieldsSchema.parse(Object.fromEntries(STORY_KEYS.map((key) => [key, row[key]])));
}

/** The fields of `next` that differ from `current`, as before/after pairs for the audit log. */
export function changedFields(current: PersonaFields, next: Partial<PersonaFields>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of STORY_KEYS) {
    if (!(key in next) || next[key] === undefined) continue;
    if (JSON.stringify(current[key]) === JSON.stringify(next[key])) continue;
    before[key] = current[key];
    after[key] = next[key];
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}
