import { db } from "@/lib/db/client";
import type { Channel } from "@/lib/profiles/channels";
import { dailyTrend } from "@/lib/segments/daily-trend";
import type { LastCheck } from "./check-persona";
import { personaWarnings } from "./evaluate-assumptions";
import { freshness, type Freshness } from "./freshness";
import { personaFieldsSchema } from "./schema";

export type PersonaCard = {
  id: string;
  name: string;
  summary: string;
  ownerEmail: string;
  channels: Channel[];
  parentId: string | null;
  segment: { id: string; name: string } | null;
  size: number | null;
  // One segment size per day over the last 30 days, oldest first, for the card's sparkline.
  trend: { day: string; size: number }[];
  freshness: Freshness["state"];
  validatedAt: string | null;
  hasAvatarImage: boolean;
  warnings: string[];
  updatedAt: string;
  archivedAt: string | null;
};

/**
 * The workspace's personas, parents before their sub-personas. Archived ones only when asked for:
 * the gallery filters them itself, a picker needs them to name what a condition points at.
 */
export async function listPersonas(
  workspaceId: string,
  { archived = false, now = new Date() }: { archived?: boolean; now?: Date } = {},
): Promise<PersonaCard[]> {
  const rows = await db.persona.findMany({
    where: { workspaceId, ...(archived ? {} : { archivedAt: null }) },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      summary: true,
      ownerEmail: true,
      channels: true,
      parentId: true,
      validatedAt: true,
      lastCheck: true,
      updatedAt: true,
      avatarType: true,
      archivedAt: true,
      segment: {
        select: {
          id: true,
          name: true,
          size: true,
          snapshots: {
            where: { at: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
            orderBy: { at: "asc" },
            select: { at: true, size: true },
          },
        },
      },
    },
  });
  const cards = rows.map((row): PersonaCard => ({
    id: row.id,
    name: row.name,
    summary: row.summary,
    ownerEmail: row.ownerEmail,
    channels: personaFieldsSchema.shape.channels.parse(row.channels),
    parentId: row.parentId,
    segment: row.segment && { id: row.segment.id, name: row.segment.name },
    size: row.segment?.size ?? null,
    trend: dailyTrend(row.segment?.snapshots ?? []),
    freshness: freshness(row.validatedAt, now).state,
    validatedAt: row.validatedAt?.toISOString() ?? null,
    hasAvatarImage: row.avatarType !== null,
    warnings: personaWarnings(row.segment !== null, row.segment ? (row.lastCheck as LastCheck | null) : null),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  }));
  // Parents first, each followed by its sub-personas.
  const byParent = new Map<string | null, PersonaCard[]>();
  for (const card of cards) byParent.set(card.parentId, [...(byParent.get(card.parentId) ?? []), card]);
  const ordered: PersonaCard[] = [];
  const visit = (parentId: string | null) => byParent.get(parentId)?.forEach((c) => (ordered.push(c), visit(c.id)));
  visit(null);
  return ordered;
}
