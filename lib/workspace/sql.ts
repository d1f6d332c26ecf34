import { Prisma } from "@/lib/generated/prisma/client";

/** Audit rows per UTC day over the last `days` days, zero-filled; reads the (workspaceId, at) index. */
export const activityByDaySql = (workspaceId: string, days: number) => Prisma.sql`
  SELECT to_char(d.day, 'YYYY-MM-DD') AS day, count(a.id)::int AS changes
  FROM generate_series(
    date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => ${days - 1}),
    date_trunc('day', now() AT TIME ZONE 'UTC'),
    interval '1 day'
  ) AS d(day)
  LEFT JOIN "AuditLog" a
    ON a."workspaceId" = ${workspaceId}
   AND a."at" >= d.day AND a."at" < d.day + interval '1 day'
  GROUP BY d.day
  ORDER BY d.day`;
