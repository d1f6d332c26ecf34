import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { archiveStateOf, type ArchiveState } from "@/lib/segments/archive-state";
import { definitionSchema, type SegmentDefinition } from "@/lib/segments/schema";
import { freshness, type Freshness } from "./freshness";
import type { PersonaFields, ValidationMethod } from "./schema";
import { storyOf } from "./story";

export type PersonaValidationEntry = {
  id: string;
  method: ValidationMethod;
  validatedAt: string;
  sampleSize: number | null;
  notes: string;
  recordedBy: string;
};

export type PersonaDetail = PersonaFields &
  ArchiveState & {
    id: string;
    ownerEmail: string;
    parent: { id: string; name: string; segmentId: string | null } | null;
    children: { id: string; name: string; summary: string; segmentId: string | null }[];
    segment: {
      id: string;
      name: string;
      kind: string;
      definition: SegmentDefinition | null;
      size: number | null;
      snapshots: { at: string; size: number }[];
    } | null;
    freshness: { state: Freshness["state"]; staleAt: string | null; validatedAt: string | null };
    validations: PersonaValidationEntry[];
    hasAvatarImage: boolean;
    createdAt: string;
    updatedAt: string;
  };

/**
 * A persona (archived or not): its story, binding, family and validation history (no audience queries: see
 * getPersonaInsights).
 */
export async function getPersona(workspaceId: string, personaId: string): Promise<PersonaDetail> {
  const row = await db.persona.findUnique({
    where: { workspaceId_id: { workspaceId, id: personaId } },
    include: {
      parent: { select: { id: true, name: true, segmentId: true } },
      children: { select: { id: true, name: true, summary: true, segmentId: true }, orderBy: { createdAt: "asc" } },
      segment: {
        include: {
          snapshots: { where: { at: { gte: new Date(Date.now() - 90 * 86_400_000) } }, orderBy: { at: "asc" } },
        },
      },
      validations: { orderBy: { validatedAt: "desc" }, take: 20 },
    },
  });
  if (!row) throw notFound("That persona");
  const fresh = freshness(row.validatedAt);
  return {
    ...storyOf(row),
    id: row.id,
    ownerEmail: row.ownerEmail,
    parent: row.parent,
    children: row.children,
    segment: row.segment && {
      id: row.segment.id,
      name: row.segment.name,
      kind: row.segment.kind,
      definition: row.segment.definition ? definitionSchema.parse(row.segment.definition) : null,
      size: row.segment.size,
      snapshots: row.segment.snapshots.map((s) => ({ at: s.at.toISOString(), size: s.size })),
    },
    freshness: {
      state: fresh.state,
      staleAt: fresh.staleAt?.toISOString() ?? null,
      validatedAt: row.validatedAt?.toISOString() ?? null,
    },
    validations: row.validations.map((v) => ({
      id: v.id,
      method: v.method as ValidationMethod,
      validatedAt: v.validatedAt.toISOString(),
      sampleSize: v.sampleSize,
      notes: v.notes,
      recordedBy: v.recordedBy,
    })),
    hasAvatarImage: row.avatarImage !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...archiveStateOf(row),
  };
}
