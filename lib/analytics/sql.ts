import { ident } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { personaJoinSql } from "@/lib/personas/sql";
import { CHANNELS_MEASURING } from "./metrics";
import { weekStart } from "./range";
import type { Interval } from "./schema";

// Every report statement, parameterised with Prisma.sql. Sums are cast to float8 so they arrive as
// JS numbers (bigint sums would arrive as BigInt).

export type MessageDimension = "campaignId" | "channel" | "variantId" | "personaId" | "bucket";
export type Span = { fromDay: string; toDay: string };

const mdColumn = (d: MessageDimension, interval: Interval) =>
  d === "bucket"
    ? interval === "week"
      ? Prisma.sql`to_char(date_trunc('week', "day"), 'YYYY-MM-DD')`
      : Prisma.sql`to_char("day", 'YYYY-MM-DD')`
    : ident(d);

const onChannels = (stage: keyof typeof CHANNELS_MEASURING) =>
  Prisma.sql`"channel" IN (${Prisma.join(CHANNELS_MEASURING[stage])})`;

/**
 * Delivery totals from the MessageDaily rollup over a span of send days, grouped by the given
 * dimensions: message counts of the messages sent in the span, and their unique profiles (each
 * counted once per campaign, on the send day of its first delivered message —
 * lib/delivery/campaign-recipients.ts), so both add up across days and every unique is a recipient
 * of the same rows. Opens and clicks only where the channel measures them, with the matching
 * denominators. Reads the rollup only: (workspaceId, day, …) is its primary key,
 * (workspaceId, campaignId, day) serves one campaign.
 */
export function messageDailySql(
  workspaceId: string,
  span: Span,
  dims: readonly MessageDimension[],
  options: { interval?: Interval; campaignId?: string } = {},
) {
  const interval = options.interval ?? "day";
  const select = dims.map((d) => Prisma.sql`${mdColumn(d, interval)} AS ${ident(d)}`);
  return Prisma.sql`
    SELECT ${Prisma.join([...select, Prisma.sql`sum("sent")::float8 AS sent`], ", ")},
      sum("delivered")::float8 AS delivered, sum("opened")::float8 AS opens, sum("clicked")::float8 AS clicks,
      sum("converted")::float8 AS conversions, sum("unsubscribed")::float8 AS unsubscribed, sum("revenue")::float8 AS
        revenue,
      sum("recipients")::float8 AS recipients, sum("converters")::float8 AS converters,
      coalesce(sum("uniqueOpens") FILTER (WHERE ${onChannels("opens")}), 0)::float8 AS "uniqueOpens",
      coalesce(sum("recipients") FILTER (WHERE ${onChannels("opens")}), 0)::float8 AS "openableRecipients",
      coalesce(sum("uniqueClickers") FILTER (WHERE ${onChannels("clicks")}), 0)::float8 AS "uniqueClickers",
      coalesce(sum("recipients") FILTER (WHERE ${onChannels("clicks")}), 0)::float8 AS "clickableRecipients",
      coalesce(sum("delivered") FILTER (WHERE ${onChannels("clicks")}), 0)::float8 AS "clickableDelivered"
    FROM "MessageDaily"
    WHERE "workspaceId" = ${workspaceId} AND "day" >= ${span.fromDay}::date AND "day" <= ${span.toDay}::date
      ${options.campaignId ? Prisma.sql`AND "campaignId" = ${options.campaignId}` : Prisma.empty}
    ${
      dims.length > 0
        ? // Prisma.raw: GROUP BY takes an output column's position as a literal, never as a parameter.
          Prisma.sql`GROUP BY ${Prisma.join(
            dims.map((_, i) => Prisma.raw(String(i + 1))),
            ", ",
          )}`
        : Prisma.empty
    }`;
}

/** Why messages of a campaign were not sent (Message rows with status "skipped"). */
export const skipReasonsSql = (workspaceId: string, campaignId: string) => Prisma.sql`
  SELECT coalesce("skipReason", 'unknown') AS reason, count(*)::float8 AS count
  FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "campaignId" = ${campaignId} AND "status" = 'skipped'
  GROUP BY 1 ORDER BY 2 DESC, 1`;

/** The links of a campaign's messages people clicked, most clicked first (the CampaignLinkClicker rollup). */
export const topLinksSql = (workspaceId: string, campaignId: string, limit: number) => Prisma.sql`
  SELECT CASE WHEN "url" = '' THEN '(no link recorded)' ELSE "url" END AS url, sum("clicks")::float8 AS clicks,
    count(*)::float8 AS clickers
  FROM "CampaignLinkClicker"
  WHERE "workspaceId" = ${workspaceId} AND "campaignId" = ${campaignId}
  GROUP BY "url" ORDER BY 2 DESC, 1 LIMIT ${limit}`;

/** The workspace's data version: changes whenever events arrive or a rollup is rebuilt (cache key). */
export const dataVersionSql = (workspaceId: string) => Prisma.sql`
  SELECT (SELECT coalesce(max("id"), 0)::text FROM "Event" WHERE "workspaceId" = ${workspaceId}) AS "maxEventId",
         (SELECT count(*)::text || ':' || coalesce(sum("sent" + "delivered" + "skipped"), 0)::text FROM "MessageDaily"
           WHERE "workspaceId" = ${workspaceId}) AS "messageDaily"`;

// --- Retention ---------------------------------------------------------------------------------

const bucketOf = (column: Prisma.Sql, period: Interval) =>
  period === "week" ? Prisma.sql`date_trunc('week', ${column})::date` : Prisma.sql`(${column})::date`;

export type CohortSource = { kind: "event"; name: string } | { kind: "campaign"; campaignId: string };

/**
 * Cohort members (profileId, cohort bucket) for buckets in [firstBucket, lastBucket]:
 * first-time — the bucket of the profile's first-ever occurrence; recurring — every bucket with one.
 * Events read ProfileEventDaily (its covering (workspaceId, name, day, profileId) index); a
 * campaign's first message reads message_delivered events.
 */
function cohortMembersSql(
  workspaceId: string,
  source: CohortSource,
  period: Interval,
  mode: "first_time" | "recurring",
  firstBucket: string,
  lastDay: string,
  ordered: boolean,
) {
  const days =
    source.kind === "event"
      ? Prisma.sql`SELECT "profileId", "day" FROM "ProfileEventDaily" WHERE "workspaceId" = ${workspaceId} AND "name" =
        ${source.name}`
      : Prisma.sql`SELECT "profileId", "occurredAt"::date AS "day" FROM "Event" WHERE "workspaceId" = ${workspaceId} AND
        "name" = 'message_delivered' AND "campaignId" = ${source.campaignId}`;
  // Ordered by profile when the grid probes each member's return days (an event's): in index order
  // the probes stayed in cache (at 1M profiles ~1.5 s of probes became ~1 s). Byte order (COLLATE "C")
  // sorts without the locale and is the index's order for our ASCII ids; any order gives the same counts.
  const order = ordered ? Prisma.sql`ORDER BY "profileId" COLLATE "C"` : Prisma.empty;
  if (mode === "first_time" && source.kind === "event") {
    // A profile's first day with the event is kept in ProfileEventTotal: one row per profile, read
    // index-only from those active since the first cohort began (a first day in range implies a
    // last day in range), instead of every day of every profile that ever did it.
    return Prisma.sql`
      SELECT "profileId", ${bucketOf(Prisma.sql`"firstDay"`, period)} AS cohort FROM "ProfileEventTotal"
      WHERE "workspaceId" = ${workspaceId} AND "name" = ${source.name} AND "lastDay" >= ${firstBucket}::date
        AND "firstDay" >= ${firstBucket}::date AND "firstDay" <= ${lastDay}::date
      ${order}`;
  }
  if (mode === "first_time") {
    return Prisma.sql`
      SELECT "profileId", ${bucketOf(Prisma.sql`min("day")`, period)} AS cohort FROM (${days}) d
      WHERE "day" <= ${lastDay}::date GROUP BY 1
      HAVING min("day") >= ${firstBucket}::date
      ${order}`;
  }
  return Prisma.sql`
    SELECT "profileId", ${bucketOf(Prisma.sql`"day"`, period)} AS cohort FROM (${days}) d
    WHERE "day" >= ${firstBucket}::date AND "day" <= ${lastDay}::date
    GROUP BY 1, 2 ${order}`;
}

/** Days a profile did the return event (ProfileEventDaily). */
function returnDaysSql(workspaceId: string, returnEvent: string, firstDay: string, lastDay: string) {
  return Prisma.sql`SELECT "profileId", "day" FROM "ProfileEventDaily" WHERE "workspaceId" = ${workspaceId} AND "name" =
    ${returnEvent} AND "day" >= ${firstDay}::date AND "day" <= ${lastDay}::date`;
}

type RetentionGridArgs = {
  workspaceId: string;
  source: CohortSource;
  /** null: any activity of the profile's own. */
  returnEvent: string | null;
  period: Interval;
  mode: "first_time" | "recurring";
  criterion: "on" | "on_or_after";
  firstBucket: string;
  lastDay: string;
  periods: number;
};

/**
 * The cohort grid in one statement: cohort sizes (period -1 rows) and, per (cohort, period k ≥ 1),
 * the members active in period k ("on") or in period k or any later one ("on or after": a member
 * counts for every k up to its last active period). Days after lastDay never count.
 */
export function retentionGridSql(args: RetentionGridArgs) {
  return args.returnEvent === null ? activityGridSql(args) : returnEventGridSql(args, args.returnEvent);
}

/**
 * Any activity: each member's one ProfileActivity row gives its return periods as a pattern, a
 * 32-bit mask whose bit k−1 (from the left) is period k and, for "on or after", bit `periods` any
 * activity after the last period. Members are counted per (cohort, pattern), a few hundred groups
 * at 1M profiles, and the patterns expanded into periods afterwards: one hash join (the members
 * hashed, ProfileActivity scanned once, in parallel) instead of a lookup per member. Cohort sizes
 * count the members themselves, those never active included.
 */
function activityGridSql(args: RetentionGridArgs) {
  const { workspaceId, periods, lastDay } = args;
  const weekly = args.period === "week";
  const len = weekly ? 7 : 1;
  const members = cohortMembersSql(workspaceId, args.source, args.period, args.mode, args.firstBucket, lastDay, false);
  const todayWeek = weekStart(lastDay);
  const P = Prisma.sql`${periods}::int`;
  const ZERO = Prisma.sql`B'0'::bit(32)`;
  const ONE = Prisma.sql`B'1'::bit(32)`;
  // Per member: s, the unit (day or week, counted from its first active one) of its period 1; t, the
  // unit holding today. Units after t never count; for weeks, unit t counts only the days of this
  // week up to today (a clock a day ahead can date an event tomorrow).
  const unitColumns = weekly
    ? Prisma.sql`a."weeks" AS bits, (m.cohort - a."firstWeek") / 7 + 1 AS s, (${todayWeek}::date - a."firstWeek") / 7 AS
      t,
        bit_count(substring(a."days" FROM ${todayWeek}::date - a."firstDay" + 1 FOR ${lastDay}::date -
          ${todayWeek}::date + 1)) > 0 AS today`
    : Prisma.sql`a."days" AS bits, m.cohort - a."firstDay" + 1 AS s, ${lastDay}::date - a."firstDay" AS t, false AS
      today`;
  // Units s … s+n−1 of the bits, period 1 leftmost (a period 1 before the first active unit shifts right).
  const units = (n: Prisma.Sql) =>
    Prisma.sql`(substring(bits FROM greatest(s, 0) + 1 FOR greatest(${n} - greatest(-s, 0), 0))::bit(32) >> greatest(-s,
      0))`;
  const inPeriods = weekly
    ? Prisma.sql`(${units(Prisma.sql`least(${P}, t - s)`)} | CASE WHEN today AND t >= s AND t < s + ${P} THEN ${ONE} >>
      (t - s) ELSE ${ZERO} END)`
    : units(Prisma.sql`least(${P}, t - s + 1)`);
  const later = weekly
    ? Prisma.sql`(bit_count(substring(bits FROM s + ${P} + 1 FOR greatest(t - s - ${P}, 0))) > 0 OR (today AND t >= s +
      ${P}))`
    : Prisma.sql`(bit_count(substring(bits FROM s + ${P} + 1 FOR greatest(t - s - ${P} + 1, 0))) > 0)`;
  const pattern =
    args.criterion === "on"
      ? inPeriods
      : Prisma.sql`(${inPeriods} | CASE WHEN ${later} THEN ${ONE} >> ${P} ELSE ${ZERO} END)`;
  const counted =
    args.criterion === "on"
      ? Prisma.sql`SELECT cohort, g.k, sum(n) AS active FROM patterns JOIN generate_series(1, ${P}) AS g(k) ON
        get_bit(pattern::bit(32), g.k - 1) = 1 GROUP BY 1, 2`
      : Prisma.sql`SELECT cohort, g.k, sum(n) AS active FROM patterns JOIN generate_series(1, ${P}) AS g(k) ON
        (pattern::bit(32) << (g.k - 1)) <> ${ZERO} GROUP BY 1, 2`;
  return Prisma.sql`
    WITH patterns AS (
      SELECT cohort, (${pattern})::int AS pattern, count(*)::float8 AS n
      FROM (
        SELECT m.cohort, ${unitColumns}
        FROM (${members}) m JOIN "ProfileActivity" a ON a."workspaceId" = ${workspaceId} AND a."profileId" =
          m."profileId"
        -- A cohort whose period 1 has not started has no one to look at (the newest one, ~1/7 of members).
        WHERE m.cohort + ${len}::int <= ${lastDay}::date
      ) x GROUP BY 1, 2
    )
    SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, -1 AS k, size AS active FROM (SELECT cohort, count(*)::float8 AS
      size FROM (${members}) m GROUP BY 1) s
    UNION ALL
    SELECT to_char(cohort, 'YYYY-MM-DD'), k, active FROM (${counted}) c`;
}

/** One event as the return: per member, a lookup of its days with that event (ProfileEventDaily). */
function returnEventGridSql(args: RetentionGridArgs, returnEvent: string) {
  const len = args.period === "week" ? 7 : 1;
  const members = cohortMembersSql(
    args.workspaceId,
    args.source,
    args.period,
    args.mode,
    args.firstBucket,
    args.lastDay,
    true,
  );
  const returns = returnDaysSql(args.workspaceId, returnEvent, args.firstBucket, args.lastDay);
  // Per member (one row per profile and cohort), its return periods k ≥ 1 ("on": each k once) or its
  // last one ("on or after"), from a lookup of that profile's return days alone: no sort or hash of
  // every member's days (at 1M profiles ~160k rows) to take the distinct ones afterwards.
  const k = Prisma.sql`(${bucketOf(Prisma.sql`r."day"`, args.period)} - m.cohort) / ${len}::int`;
  const perMember =
    args.criterion === "on" ? Prisma.sql`SELECT DISTINCT ${k} AS k` : Prisma.sql`SELECT max(${k}) AS last`;
  const activeIn = Prisma.sql`
    SELECT m.cohort, a.* FROM members m
    CROSS JOIN LATERAL (${perMember} FROM (${returns}) r WHERE r."profileId" = m."profileId" AND r."day" >= m.cohort +
      ${len}::int) a
    -- A cohort whose period 1 has not started has no one to look up (the newest one, ~1/7 of members).
    WHERE m.cohort + ${len}::int <= ${args.lastDay}::date`;
  const counted =
    args.criterion === "on"
      ? Prisma.sql`SELECT cohort, k, count(*)::float8 AS active FROM active WHERE k BETWEEN 1 AND ${args.periods} GROUP
        BY 1, 2`
      : Prisma.sql`SELECT a.cohort, g.k, count(*)::float8 AS active
          FROM active a JOIN generate_series(1, ${args.periods}::int) AS g(k) ON g.k <= a.last
          GROUP BY 1, 2`;
  return Prisma.sql`
    WITH members AS MATERIALIZED (${members}),
    active AS (${activeIn})
    SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, -1 AS k, count(*)::float8 AS active FROM members GROUP BY 1
    UNION ALL
    SELECT to_char(cohort, 'YYYY-MM-DD'), k, active FROM (${counted}) c`;
}

/**
 * Exposed vs holdout: per arm, its size and members active in period k after their own exposure
 * day (k = whole periods since it). Multiple-exposure profiles are left out, as in the readout.
 */
export function experimentRetentionSql(args: {
  workspaceId: string;
  experimentId: string;
  returnEvent: string | null;
  period: Interval;
  criterion: "on" | "on_or_after";
  periods: number;
  lastDay: string;
}) {
  const len = args.period === "week" ? 7 : 1;
  const returns =
    args.returnEvent === null
      ? Prisma.sql`SELECT "profileId", "day" FROM "ProfileActiveDay" WHERE "workspaceId" = ${args.workspaceId}`
      : Prisma.sql`SELECT "profileId", "day" FROM "ProfileEventDaily" WHERE "workspaceId" = ${args.workspaceId} AND
        "name" = ${args.returnEvent}`;
  // Only periods that are over count (denominator and numerator alike): today is still running.
  const over = (k: Prisma.Sql) => Prisma.sql`day + (${k} + 1) * ${len}::int <= ${args.lastDay}::date`;
  const counted =
    args.criterion === "on"
      ? Prisma.sql`SELECT arm, k, count(*)::float8 AS active FROM active
          WHERE k BETWEEN 1 AND ${args.periods}::int AND ${over(Prisma.sql`k`)} GROUP BY 1, 2`
      : Prisma.sql`SELECT l.arm, g.k, count(*)::float8 AS active
          FROM (SELECT "profileId", arm, day, max(k) AS last FROM active GROUP BY 1, 2, 3) l
          JOIN generate_series(1, ${args.periods}::int) AS g(k) ON g.k <= l.last AND ${over(Prisma.sql`g.k`)}
          GROUP BY 1, 2`;
  return Prisma.sql`
    WITH members AS MATERIALIZED (
      SELECT "profileId", "variantKey" AS arm, "exposedAt"::date AS day FROM "Exposure"
      WHERE "workspaceId" = ${args.workspaceId} AND "experimentId" = ${args.experimentId} AND NOT "multiple"
    ), active AS (
      SELECT DISTINCT m."profileId", m.arm, m.day, ((r."day" - m.day) / ${len}::int) AS k
      FROM members m JOIN (${returns}) r ON r."profileId" = m."profileId" AND r."day" >= m.day + ${len}::int AND r."day"
        <= ${args.lastDay}::date
    )
    SELECT arm, -1 AS k, count(*)::float8 AS active, NULL::float8 AS eligible FROM members GROUP BY 1
    UNION ALL
    -- How many members of each arm have completed period k (the denominator of retention(k)).
    SELECT arm, g.k, NULL::float8, count(*)::float8
    FROM members JOIN generate_series(1, ${args.periods}::int) AS g(k) ON ${over(Prisma.sql`g.k`)} GROUP BY 1, 2
    UNION ALL
    SELECT arm, k, active, NULL::float8 FROM (${counted}) c`;
}

// --- Funnels -----------------------------------------------------------------------------------

// A funnel without a breakdown has one group, its total.
const NO_BREAKDOWN = Prisma.sql`NULL::text AS "key", true AS "isTotal"`;

/**
 * An ordered funnel: each profile's first step-1 event in the range starts its window; step n is the
 * first step-n event at or after step n−1 (strictly after when both steps are the same event) and no
 * later than step 1 + window. Per group: profiles reaching each step and the median seconds from
 * step 1 to it. Each step reads its events from the (workspaceId, name, occurredAt, profileId) index,
 * or probes (workspaceId, profileId, occurredAt, name) per profile: index-only either way.
 */
export function funnelSql(args: {
  workspaceId: string;
  steps: string[];
  from: Date;
  until: Date;
  windowSeconds: number;
  breakdown: { key: Prisma.Sql; join: Prisma.Sql } | null;
}) {
  const { workspaceId, steps } = args;
  // Every later step lies in [from, until + window): bounding each step's scan by it lets the plan read
  // the step's events in that range from the (workspaceId, name, occurredAt, profileId) index alone
  // instead of probing each profile's events (a heap fetch per probe).
  const lastStepAt = new Date(args.until.getTime() + args.windowSeconds * 1000);
  const ctes: Prisma.Sql[] = [
    Prisma.sql`s1 AS (SELECT "profileId", min("occurredAt") AS t FROM "Event" WHERE "workspaceId" = ${workspaceId} AND
      "name" = ${steps[0]} AND "occurredAt" >= ${args.from} AND "occurredAt" < ${args.until} GROUP BY 1)`,
  ];
  for (let i = 1; i < steps.length; i++) {
    const prev = ident(`s${i}`);
    const start = i === 1 ? Prisma.sql`${prev}.t` : Prisma.sql`${prev}.t1`;
    const after = steps[i] === steps[i - 1] ? Prisma.sql`>` : Prisma.sql`>=`;
    ctes.push(Prisma.sql`${ident(`s${i + 1}`)} AS (
      SELECT ${prev}."profileId", ${start} AS t1, min(e."occurredAt") AS t FROM ${prev}
      JOIN "Event" e ON e."workspaceId" = ${workspaceId} AND e."profileId" = ${prev}."profileId" AND e."name" =
        ${steps[i]}
        AND e."occurredAt" ${after} ${prev}.t AND e."occurredAt" <= ${start} + make_interval(secs =>
          ${args.windowSeconds}::float8)
        AND e."occurredAt" >= ${args.from} AND e."occurredAt" < ${lastStepAt}
      GROUP BY 1, 2)`);
  }
  const joins = steps.slice(1).map((_, i) => Prisma.sql`LEFT JOIN ${ident(`s${i + 2}`)} USING ("profileId")`);
  const stepColumns = steps.map((_, i) => {
    const s = ident(`s${i + 1}`);
    return Prisma.sql`count(${s}.t)::float8 AS ${ident(`reached${i + 1}`)},
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${s}.t - s1.t))
        FILTER (WHERE ${s}.t IS NOT NULL))::float8 AS ${ident(`median${i + 1}`)}`;
  });
  const b = args.breakdown;
  return Prisma.sql`
    WITH ${Prisma.join(ctes, ",\n")}
    SELECT
      ${b ? Prisma.sql`${b.key}::text AS "key", GROUPING(${b.key}) = 1 AS "isTotal"` : NO_BREAKDOWN},
      ${Prisma.join(stepColumns, ", ")}
    FROM s1 ${Prisma.join(joins, " ")} ${b ? b.join : Prisma.empty}
    ${b ? Prisma.sql`GROUP BY GROUPING SETS ((), (${b.key}))` : Prisma.empty}`;
}

/** The group a funnel's profiles fall in: the profile's platform, or its persona (an assignment statement). */
export function funnelBreakdownSql(
  workspaceId: string,
  kind: "platform" | "persona",
  assignment: Prisma.Sql | null,
): { key: Prisma.Sql; join: Prisma.Sql } {
  if (kind === "platform")
    return {
      key: Prisma.sql`coalesce(p."platform", 'unknown')`,
      join: Prisma.sql`JOIN "Profile" p ON p."workspaceId" = ${workspaceId} AND p."id" = s1."profileId"`,
    };
  return {
    key: Prisma.sql`coalesce(pa."personaId", 'none')`,
    join: personaJoinSql(assignment, Prisma.sql`s1."profileId"`),
  };
}
