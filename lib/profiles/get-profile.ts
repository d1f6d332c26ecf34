import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";

/** Everything the profile page shows except the timeline, which pages separately. */
export async function getProfile(workspaceId: string, profileId: string) {
  const profile = await db.profile.findUnique({
    where: { workspaceId_id: { workspaceId, id: profileId } },
    include: { aliases: { orderBy: { createdAt: "asc" } } },
  });
  if (!profile) throw notFound("That profile");
  const [merges, eventNames] = await Promise.all([
    db.profileMerge.findMany({ where: { workspaceId, intoProfileId: profileId }, orderBy: { at: "asc" } }),
    db.event.groupBy({ by: ["name"], where: { workspaceId, profileId }, _count: true, orderBy: { name: "asc" } }),
  ]);
  return {
    id: profile.id,
    externalId: profile.externalId,
    aliases: profile.aliases.map((a) => ({ anonymousId: a.anonymousId, since: a.createdAt.toISOString() })),
    merges: merges.map((m) => ({
      from: m.fromProfileId,
      anonymousId: m.anonymousId,
      reason: m.reason,
      eventsMoved: m.eventsMoved,
      at: m.at.toISOString(),
    })),
    fields: {
      email: profile.email,
      phone: profile.phone,
      locale: profile.locale,
      timezone: profile.timezone,
      country: profile.country,
      city: profile.city,
      platform: profile.platform,
    },
    traits: profile.traits as Record<string, unknown>,
    consent: profile.consent as Record<string, boolean>,
    computed: {
      ordersCount: profile.ordersCount,
      ltv: profile.ltv.toFixed(2),
      aov: profile.aov?.toFixed(2) ?? null,
      lastPurchaseAt: profile.lastPurchaseAt?.toISOString() ?? null,
      firstSeenAt: profile.firstSeenAt?.toISOString() ?? null,
      lastSeenAt: profile.lastSeenAt?.toISOString() ?? null,
      daysSinceLastSeen: profile.lastSeenAt
        ? Math.floor((Date.now() - profile.lastSeenAt.getTime()) / 86_400_000)
        : null,
      favouriteCategory: profile.favouriteCategory,
      activeHour: profile.activeHour,
    },
    eventNames: eventNames.map((row) => ({ name: row.name, count: row._count })),
  };
}

export type ProfileDetail = Awaited<ReturnType<typeof getProfile>>;
