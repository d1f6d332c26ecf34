import { ident } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FrequencyCap } from "../policy/schema";

/** What launching now would check for each audience profile (prelaunch-summary.ts decides which apply). */
export type PrelaunchChecks = {
  workspaceId: string;
  /** The audience statement (column "id"); null for everyone. */
  audience: Prisma.Sql | null;
  /** Whether profile `p` consented to the channel and has an address for it (reachabilitySql); null: no checks. */
  reach: { consented: Prisma.Sql; hasAddress: Prisma.Sql } | null;
  /** The campaign's topic, which a profile may have unsubscribed from. */
  topic: string | null;
  caps: readonly FrequencyCap[];
  now: Date;
  /** Quiet hours that skip a send at its one instant `at`, in the profile's zone (else `timezone`); null if none. */
  quiet: { start: string; end: string; at: Date; timezone: string } | null;
};

/** The frequency caps a profile has reached, from the messages sent in the longest cap's window. */
function capsReached(workspaceId: string, caps: readonly FrequencyCap[], now: Date) {
  if (caps.length === 0) return { join: Prisma.empty, capped: Prisma.sql`false` };
  // Messages counting toward each cap, per profile, from one range of the longest cap's window
  // (index-only) and joined by hash: not a lookup per audience member (1M of them for "everyone").
  const windowStart = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const counts = caps.map((cap, i) => {
    const onChannel = cap.channel === "all" ? Prisma.empty : Prisma.sql`AND "channel" = ${cap.channel}`;
    return Prisma.sql`count(*) FILTER (WHERE "sentAt" >= ${windowStart(cap.days)}::timestamp ${onChannel})
      AS ${ident(`c${i}`)}`;
  });
  const longest = windowStart(Math.max(...caps.map((cap) => cap.days)));
  const sent = Prisma.sql`SELECT "profileId", ${Prisma.join(counts)}
    FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "sentAt" >= ${longest}::timestamp
      AND "status" IN ('sent', 'delivered')
    GROUP BY 1`;
  return {
    join: Prisma.sql`LEFT JOIN (${sent}) sent ON sent."profileId" = p."id"`,
    capped: Prisma.join(
      caps.map((cap, i) => Prisma.sql`coalesce(sent.${ident(`c${i}`)}, 0) >= ${cap.max}`),
      " OR ",
    ),
  };
}

/**
 * The audience's size and its profiles policy would skip, by the first reason that applies:
 * no_consent, unsubscribed, no_address, frequency_cap, quiet_hours (one row).
 */
export function prelaunchSkipsSql(c: PrelaunchChecks): Prisma.Sql {
  const { workspaceId, quiet } = c;
  const reach = c.reach ?? { consented: Prisma.sql`true`, hasAddress: Prisma.sql`true` };
  const unsubscribed = c.topic
    ? Prisma.sql`coalesce(p."subscriptions" -> ${c.topic}::text = 'false'::jsonb, false)`
    : Prisma.sql`false`;
  const { join: capJoin, capped } = capsReached(workspaceId, c.caps, c.now);
  let inQuietHours = Prisma.sql`false`;
  if (quiet) {
    const local = Prisma.sql`((${quiet.at}::timestamp AT TIME ZONE 'UTC')
      AT TIME ZONE coalesce(tz."name", ${quiet.timezone}))::time`;
    inQuietHours =
      quiet.start < quiet.end
        ? Prisma.sql`(${local} >= ${quiet.start}::time AND ${local} < ${quiet.end}::time)`
        : Prisma.sql`(${local} >= ${quiet.start}::time OR ${local} < ${quiet.end}::time)`;
  }
  // Everyone is the workspace's profiles themselves, not a join of them with their own ids.
  const profiles = c.audience
    ? Prisma.sql`(${c.audience}) a JOIN "Profile" p ON p."workspaceId" = ${workspaceId} AND p."id" = a."id"`
    : Prisma.sql`"Profile" p`;
  return Prisma.sql`
    WITH ${quiet ? Prisma.sql`tz AS MATERIALIZED (SELECT "name" FROM pg_timezone_names),` : Prisma.empty}
    r AS (
      SELECT NOT ${reach.consented} AS no_consent, ${unsubscribed} AS unsubscribed,
        NOT ${reach.hasAddress} AS no_address, (${capped}) AS capped, ${inQuietHours} AS quiet
      FROM ${profiles}
      ${capJoin}
      ${quiet ? Prisma.sql`LEFT JOIN tz ON tz."name" = p."timezone"` : Prisma.empty}
      WHERE p."workspaceId" = ${workspaceId}
    )
    SELECT count(*)::int AS audience,
           count(*) FILTER (WHERE no_consent)::int AS no_consent,
           count(*) FILTER (WHERE NOT no_consent AND unsubscribed)::int AS unsubscribed,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND no_address)::int AS no_address,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND NOT no_address AND capped)::int
             AS frequency_cap,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND NOT no_address AND NOT capped AND quiet)::int
             AS quiet_hours
    FROM r`;
}
