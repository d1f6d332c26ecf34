import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { cachedReport } from "./cache";
import { runReportQuery } from "./run-report-query";
import { dayEnd, dayStart, type DayRange, resolveRange } from "./range";
import type { FunnelQuery } from "./schema";
import { funnelBreakdownSql, funnelSql } from "./sql";

export type FunnelStep = {
  step: number;
  event: string;
  reached: number;
  conversion: number | null;
  fromPrevious: number | null;
  dropOff: number;
  medianSeconds: number | null;
};
export type FunnelGroup = { key: string; label: string; steps: FunnelStep[] };
export type Funnel = {
  range: DayRange;
  windowHours: number;
  steps: string[];
  total: FunnelStep[];
  groups: FunnelGroup[];
  breakdown: FunnelQuery["breakdown"];
};

type Row = { key: string | null; isTotal: boolean } & Record<string, number | null>;

export function stepsOf(row: Row, events: string[]): FunnelStep[] {
  const first = Number(row.reached1 ?? 0);
  return events.map((event, i) => {
    const reached = Number(row[`reached${i + 1}`] ?? 0);
    const previous = i === 0 ? reached : Number(row[`reached${i}`] ?? 0);
    return {
      step: i + 1,
      event,
      reached,
      conversion: first > 0 ? reached / first : null,
      fromPrevious: previous > 0 ? reached / previous : null,
      dropOff: previous - reached,
      medianSeconds: i === 0 ? null : (row[`median${i + 1}`] ?? null),
    };
  });
}

async function computeFunnel(workspaceId: string, query: FunnelQuery, range: DayRange, now: Date): Promise<Funnel> {
  let breakdown: { key: Prisma.Sql; join: Prisma.Sql } | null = null;
  let labels = new Map<string, string>();
  if (query.breakdown === "platform") breakdown = funnelBreakdownSql(workspaceId, "platform", null);
  else if (query.breakdown === "persona") {
    // The persona dimension as of now (lib/personas assignPersonas), like MessageDaily's rebuild.
    breakdown = funnelBreakdownSql(workspaceId, "persona", await personaAssignmentSql(workspaceId, now));
    const personas = await db.persona.findMany({ where: { workspaceId }, select: { id: true, name: true } });
    labels = new Map([...personas.map((p) => [p.id, p.name] as const), ["none", "No persona"]]);
  }
  const statement = funnelSql({
    workspaceId,
    steps: query.steps,
    from: dayStart(range.from),
    until: dayEnd(range.to),
    windowSeconds: query.windowHours * 3600,
    breakdown,
  });
  // The persona join evaluates segments: run it with the segment engine's settings.
  const rows =
    query.breakdown === "persona" ? await runSegmentQuery<Row[]>(statement) : await runReportQuery<Row[]>(statement);
  const totalRow = rows.find((r) => r.isTotal) ?? ({ key: null, isTotal: true } as Row);
  return {
    range,
    windowHours: query.windowHours,
    steps: query.steps,
    breakdown: query.breakdown,
    total: stepsOf(totalRow, query.steps),
    groups: rows
      .filter((r) => !r.isTotal)
      .map((r) => ({
        key: r.key ?? "unknown",
        label: labels.get(r.key ?? "") ?? r.key ?? "unknown",
        steps: stepsOf(r, query.steps),
      }))
      .sort((a, b) => b.steps[0]!.reached - a.steps[0]!.reached),
  };
}

/** An ordered funnel over raw events (timestamps matter, so no daily rollup can answer it), cached. */
export async function getFunnel(workspaceId: string, query: FunnelQuery, now = new Date()) {
  const range = resolveRange(query, now);
  return cachedReport(workspaceId, "funnel", { ...query, range }, () => computeFunnel(workspaceId, query, range, now));
}
