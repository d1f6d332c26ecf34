import { db } from "@/lib/db/client";
import { unsubscribeUrl } from "@/lib/delivery/tracking/token";
import { listOutbox, type OutboxEntry, type OutboxFilters } from "./list-outbox";

export type OutboxRow = OutboxEntry & {
  /** Null once the template is deleted: the message outlives it. */
  templateName: string | null;
  version: number | null;
  /** The profile's e-mail, else its user id; null when the profile is gone. */
  profileLabel: string | null;
  /** The campaign's name for campaign deliveries; null for test sends or a deleted campaign. */
  campaignName: string | null;
  /** Campaign deliveries: the recipient's own preference page (what the unsubscribe link opens). */
  preferencesUrl: string | null;
};

/**
 * A page of the outbox with what a person reads it by: the template's name, the version number and
 * the recipient. Messages store plain ids (like the audit trail), so the names are looked up here.
 */
export async function outboxRows(
  workspaceId: string,
  options: { limit: number; before?: string } & OutboxFilters,
): Promise<{ messages: OutboxRow[]; nextBefore: string | null }> {
  const page = await listOutbox(workspaceId, options);
  const ids = (key: "templateId" | "versionId" | "profileId") => [...new Set(page.messages.map((m) => m[key]))];
  const campaignIds = [...new Set(page.messages.flatMap((m) => (m.campaignId ? [m.campaignId] : [])))];
  const [templates, versions, profiles, campaigns] = await Promise.all([
    db.template.findMany({ where: { workspaceId, id: { in: ids("templateId") } }, select: { id: true, name: true } }),
    db.templateVersion.findMany({
      where: { workspaceId, id: { in: ids("versionId") } },
      select: { id: true, version: true },
    }),
    db.profile.findMany({
      where: { workspaceId, id: { in: ids("profileId") } },
      select: { id: true, email: true, externalId: true },
    }),
    db.campaign.findMany({ where: { workspaceId, id: { in: campaignIds } }, select: { id: true, name: true } }),
  ]);
  const campaignById = new Map(campaigns.map((c) => [c.id, c.name]));
  const templateById = new Map(templates.map((t) => [t.id, t]));
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const messages = page.messages.map((m): OutboxRow => {
    const profile = profileById.get(m.profileId);
    return {
      ...m,
      templateName: templateById.get(m.templateId)?.name ?? null,
      version: versionById.get(m.versionId)?.version ?? null,
      profileLabel: profile ? (profile.email ?? profile.externalId ?? "Anonymous visitor") : null,
      campaignName: m.campaignId ? (campaignById.get(m.campaignId) ?? null) : null,
      preferencesUrl: m.messageId ? unsubscribeUrl({ workspaceId, messageId: m.messageId }) : null,
    };
  });
  return { messages, nextBefore: page.nextBefore };
}

/** The campaigns that have deliveries in the outbox, for the campaign filter. */
export async function outboxCampaigns(workspaceId: string): Promise<{ id: string; name: string }[]> {
  const used = await db.outboxMessage.findMany({
    where: { workspaceId, kind: "campaign", campaignId: { not: null } },
    distinct: ["campaignId"],
    select: { campaignId: true },
  });
  const ids = used.flatMap((u) => (u.campaignId ? [u.campaignId] : []));
  if (ids.length === 0) return [];
  return db.campaign.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
