import { db } from "@/lib/db/client";
import { audienceNames } from "@/lib/delivery/audience";

export type Targeting = "mass" | "segmented" | "triggered";
export type CampaignInfo = {
  id: string;
  name: string;
  channel: string;
  targeting: Targeting;
  audienceKey: string;
  audienceLabel: string;
  launchedAt: Date | null;
  createdAt: Date;
  goalEvent: string;
  attributionHours: number;
};

/**
 * Segmented vs mass, as the research compares them: a send to a segment or persona is segmented,
 * a send to everyone is mass, a triggered campaign (abandoned cart, inactivity) is its own kind.
 */
export function targetingOf(audience: unknown, schedule: unknown): Targeting {
  if ((schedule as { kind?: string } | null)?.kind === "trigger") return "triggered";
  const kind = (audience as { kind?: string } | null)?.kind;
  return kind === "segment" || kind === "persona" ? "segmented" : "mass";
}

/** The workspace's campaigns with what reports show about them, by id. */
export async function loadCampaignInfo(workspaceId: string, ids?: string[]): Promise<Map<string, CampaignInfo>> {
  const campaigns = await db.campaign.findMany({
    where: { workspaceId, ...(ids ? { id: { in: ids } } : {}) },
    select: {
      id: true,
      name: true,
      channel: true,
      audience: true,
      schedule: true,
      launchedAt: true,
      createdAt: true,
      goalEvent: true,
      attributionHours: true,
    },
  });
  const names = await audienceNames(
    workspaceId,
    campaigns.map((c) => c.audience as { kind?: string; id?: string }),
  );
  return new Map(
    campaigns.map((c, i) => {
      const audience = c.audience as { kind?: string; id?: string };
      const audienceKey =
        audience.kind === "segment" || audience.kind === "persona" ? `${audience.kind}:${audience.id}` : "all";
      const audienceLabel =
        audience.kind === "segment"
          ? `Segment: ${names[i] ?? "unknown"}`
          : audience.kind === "persona"
            ? `Persona: ${names[i] ?? "unknown"}`
            : "Everyone (mass send)";
      return [
        c.id,
        {
          id: c.id,
          name: c.name,
          channel: c.channel,
          targeting: targetingOf(c.audience, c.schedule),
          audienceKey,
          audienceLabel,
          launchedAt: c.launchedAt,
          createdAt: c.createdAt,
          goalEvent: c.goalEvent,
          attributionHours: c.attributionHours,
        },
      ];
    }),
  );
}
