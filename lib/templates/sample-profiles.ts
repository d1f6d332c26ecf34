import { db } from "@/lib/db/client";
import { inSegmentDefinition } from "@/lib/segments/saved-audience";
import { sampleAudience } from "@/lib/segments/list-audience";
import { targetAudience, type AudienceTarget } from "./variable-coverage";

export type SampleRecipient = { id: string; name: string | null; email: string | null; locale: string | null };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** A display name from the usual traits: `name`, else `first_name last_name`. */
function nameOf(traits: unknown): string | null {
  const t = traits !== null && typeof traits === "object" ? (traits as Record<string, unknown>) : {};
  return text(t.name) ?? ([text(t.first_name), text(t.last_name)].filter(Boolean).join(" ") || null);
}

/**
 * Profiles to cycle through in previews: the most recently seen of the target audience (a segment,
 * a persona's segment) or of the whole workspace.
 */
export async function sampleProfiles(
  workspaceId: string,
  target: AudienceTarget,
  limit: number,
): Promise<SampleRecipient[]> {
  const { segmentId } = await targetAudience(workspaceId, target);
  const select = { id: true, email: true, locale: true, traits: true } as const;
  let rows;
  if (segmentId) {
    const ids = (await sampleAudience(workspaceId, inSegmentDefinition(segmentId), limit)).map((p) => p.id);
    const byId = new Map(
      (await db.profile.findMany({ where: { workspaceId, id: { in: ids } }, select })).map((r) => [r.id, r]),
    );
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    rows = await db.profile.findMany({
      where: { workspaceId },
      select,
      orderBy: [{ lastSeenAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      take: limit,
    });
  }
  return rows.map((r) => ({ id: r.id, name: nameOf(r.traits), email: r.email, locale: r.locale }));
}
