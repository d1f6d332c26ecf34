import { createHash } from "node:crypto";
import { inSegmentDefinition } from "@/lib/segments/saved-audience";
import { loadReferences } from "@/lib/segments/load-references";

export type InsightSubject = {
  id: string;
  segmentId: string | null;
  children: { id: string; segmentId: string | null }[];
};

const byId = <T extends { id: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/**
 * Every definition an audience is made of, the segments and personas it names included (stable
 * order, names left out: renaming changes no one's membership). A static segment's members are
 * fixed when it is created (create-static-segment), so its id stands for them.
 */
async function audienceOf(workspaceId: string, segmentId: string | null) {
  if (!segmentId) return null;
  const { segments, personas } = await loadReferences(workspaceId, inSegmentDefinition(segmentId));
  return {
    segmentId,
    segments: byId(segments.values()).map((s) => [s.id, s.kind === "dynamic" ? s.definition : "static"]),
    personas: byId(personas.values()).map((p) => [p.id, p.segmentId]),
  };
}

/**
 * A fingerprint of what a persona's insights are computed from: its bound segment's definition and
 * everything it names, and each sub-persona's. Stored with the figures; when it differs now, an edit
 * changed the audience and the figures are stale. The story and the assumptions are not in it:
 * verdicts are worked out from the stored figures on every read, so editing a claim needs no recount.
 */
export async function insightBasis(workspaceId: string, persona: InsightSubject): Promise<string> {
  const parts = {
    audience: await audienceOf(workspaceId, persona.segmentId),
    children: await Promise.all(
      byId(persona.children).map(async (c) => ({ id: c.id, audience: await audienceOf(workspaceId, c.segmentId) })),
    ),
  };
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
}
