import { db } from "@/lib/db/client";
import { DEMO_CAMPAIGNS } from "@/lib/demo/population/campaigns";
import type { CampaignAudience, CampaignSchedule } from "@/lib/delivery/schema";

// The demo history's latent personas → the demo persona written up for each (seed-demo-personas).
const PERSONA_NAMES: Record<string, string> = {
  eco_conscious: "Eco shopper Elif",
  deal_hunter: "Deal-hunting Dani",
  lapsed: "Lapsed Lars",
};
const AUDIENCE_OF: Record<string, string | undefined> = {
  "demo-eco-launch": "eco_conscious",
  "demo-price-drop": "deal_hunter",
  "demo-win-back": "lapsed",
};

/**
 * The demo history's past campaigns as Campaign rows (status "sent"), so reports and experiments
 * name them: their message events are already in Event under these ids. Only into a workspace
 * without campaigns; returns how many it wrote.
 */
export async function seedDemoCampaigns(workspaceId: string, now = new Date()): Promise<number> {
  if ((await db.campaign.count({ where: { workspaceId } })) > 0) return 0;
  const owner = await db.member.findFirst({ where: { workspaceId, role: "marketer" }, include: { user: true } });
  const personas = await db.persona.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  const personaId = (latent: string | undefined) => personas.find((p) => p.name === PERSONA_NAMES[latent ?? ""])?.id;
  // What each past send sent: the demo template of its channel (seed-demo-templates runs first), pinned at its
  // published version.
  const templates = await db.template.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, channel: true, versions: { where: { status: "published" }, select: { id: true }, take: 1 } },
  });
  const templateOf = (channel: string) => templates.find((t) => t.channel === channel);
  for (const campaign of DEMO_CAMPAIGNS) {
    const sentAt = new Date(now.getTime() - campaign.daysAgo * 86_400_000);
    const persona = personaId(AUDIENCE_OF[campaign.id]);
    const audience: CampaignAudience = persona ? { kind: "persona", id: persona } : { kind: "all" };
    const schedule: CampaignSchedule =
      campaign.targeting === "triggered"
        ? { kind: "trigger", trigger: { recipe: "inactivity", days: 30 } }
        : { kind: "at", at: sentAt.toISOString() };
    await db.campaign.create({
      data: {
        workspaceId,
        id: campaign.id,
        name: campaign.name,
        status: "sent",
        channel: campaign.channel,
        templateId: templateOf(campaign.channel)?.id ?? null,
        versionId: templateOf(campaign.channel)?.versions[0]?.id ?? null,
        audience,
        schedule,
        occurrences: 1,
        ownerId: owner?.userId ?? null,
        ownerEmail: owner?.user.email ?? "demo",
        createdAt: new Date(sentAt.getTime() - 2 * 86_400_000),
        launchedAt: sentAt,
        completedAt: new Date(sentAt.getTime() + 3 * 3_600_000),
      },
    });
  }
  return DEMO_CAMPAIGNS.length;
}
