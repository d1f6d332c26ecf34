import { qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";

/**
 * Whether profile row `p` consented to a channel and has a usable address for it, as SQL: the
 * segment "reachable" condition and the campaign pre-launch estimate both read these.
 */
export function reachabilitySql(channel: Channel): { consented: Prisma.Sql; hasAddress: Prisma.Sql } {
  const address = CHANNEL_INFO[channel].address;
  const hasAddress =
    "column" in address
      ? Prisma.sql`coalesce(${qualified("p", address.column)} <> '', false)`
      : address.anyJson
        ? Prisma.sql`coalesce(jsonb_typeof(p."traits" -> ${address.trait}::text) <> 'null', false)`
        : Prisma.sql`coalesce(jsonb_typeof(p."traits" -> ${address.trait}::text) = 'string' AND p."traits" ->>
          ${address.trait}::text <> '', false)`;
  const consented = Prisma.sql`coalesce(p."consent" -> ${channel}::text = 'true'::jsonb, false)`;
  return { consented, hasAddress };
}
