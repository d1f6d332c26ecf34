import { estimateRate } from "@/lib/analytics/uncertainty";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { JourneyNodeStats, JourneyStats } from "./api-schema";
import type { JourneyExitReason } from "./entry-states";
import { journeyNotFound } from "./journey-not-found";
import { randomSplitStats } from "./random-split-stats";
import type { JourneyDefinition } from "./schema";
import { sendFunnel, type MessageCounts } from "./send-funnel";
import { journeyStatsSql, type JourneyStatsRow } from "./sql";

const add = <K extends string>(into: Partial<Record<K, number>>, key: K, n: number) => {
  into[key] = (into[key] ?? 0) + n;
};

/**
 * Per step of one version (the current one unless `version` is given): how many are in it now,
 * ran it (and by which exit they left, and of those how many reached the goal), exited there by
 * reason, and a send step's message funnel; the version's totals — entered, still in, exited by
 * reason, converted — its goal rate and time to goal, and each random split read as an experiment.
 * One grouped statement (journeyStatsSql), read at `asOf`. Before the first publish: no steps,
 * every count 0.
 */
export async function journeyStats(
  workspaceId: string,
  journeyId: string,
  { version }: { version?: number } = {},
): Promise<JourneyStats> {
  const journey = await db.journey.findUnique({
    where: { workspaceId_id: { workspaceId, id: journeyId } },
    select: { currentVersionId: true },
  });
  if (!journey) throw journeyNotFound();
  const select = { id: true, version: true, definition: true } as const;
  const found =
    version !== undefined
      ? await db.journeyVersion.findUnique({
          where: { workspaceId_journeyId_version: { workspaceId, journeyId, version } },
          select,
        })
      : journey.currentVersionId
        ? await db.journeyVersion.findUnique({
            where: { workspaceId_id: { workspaceId, id: journey.currentVersionId } },
            select,
          })
        : null;
  if (!found && version !== undefined)
    throw new AppError(404, "not_found", `This journey has no version ${version}.`, "version");
  const asOf = new Date();
  const totals: JourneyStats["totals"] = { entered: 0, inJourney: 0, exited: {}, converted: 0 };
  const goal = (entered: number, converted: number, t?: JourneyStatsRow): JourneyStats["goal"] => ({
    rate: estimateRate(converted, entered),
    timeToGoal: { n: t?.n ?? 0, medianSeconds: t?.p50 ?? null, p90Seconds: t?.p90 ?? null },
  });
  if (!found)
    return {
      journeyId,
      version: null,
      asOf: asOf.toISOString(),
      totals,
      goal: goal(0, 0),
      nodes: [],
      randomSplits: [],
    };

  const rows = await db.$queryRaw<JourneyStatsRow[]>(journeyStatsSql(workspaceId, journeyId, found.id));
  const definition = found.definition as JourneyDefinition;
  const nodes = new Map<string, JourneyNodeStats>(
    definition.nodes.map((node) => [
      node.id,
      {
        nodeId: node.id,
        kind: node.kind,
        label: node.label ?? null,
        reached: 0,
        now: 0,
        passed: 0,
        byExit: {},
        exited: {},
        converted: 0,
        convertedByExit: {},
        messages: null,
      },
    ]),
  );
  const messages = new Map<string, MessageCounts[]>();
  // Held out at a random split: exited there with reason "holdout" (their goals still count).
  const heldOut = new Map<string, { n: number; converted: number }>();
  for (const row of rows) {
    const node = row.nodeId === null ? undefined : nodes.get(row.nodeId);
    if (row.src === "goal") continue;
    if (row.src === "message") {
      if (!node) continue;
      const { n: queued, sent, delivered, opened, clicked, converted } = row;
      messages.set(node.nodeId, [
        ...(messages.get(node.nodeId) ?? []),
        { channel: row.key ?? "", queued, sent, delivered, opened, clicked, converted },
      ]);
      continue;
    }
    if (row.src === "step") {
      if (!node) continue;
      node.passed += row.n;
      node.reached += row.n;
      node.converted += row.converted;
      if (row.key !== null) {
        add(node.byExit, row.key, row.n);
        add(node.convertedByExit, row.key, row.converted);
      }
      continue;
    }
    totals.entered += row.n;
    totals.converted += row.converted;
    if (row.state === "exited") add(totals.exited, (row.key ?? "completed") as JourneyExitReason, row.n);
    else totals.inJourney += row.n;
    if (!node) continue;
    node.reached += row.withoutStep;
    if (row.state === "exited") add(node.exited, (row.key ?? "completed") as JourneyExitReason, row.n);
    else node.now += row.n;
    if (row.key === "holdout") heldOut.set(node.nodeId, { n: row.n, converted: row.converted });
  }
  for (const [nodeId, counts] of messages) nodes.get(nodeId)!.messages = sendFunnel(counts);
  const randomSplits = definition.nodes.flatMap((node) => {
    if (node.kind !== "split" || node.split.type !== "random") return [];
    const f = nodes.get(node.id)!;
    const arms = new Map(
      node.split.arms.map((a) => [a.name, { n: f.byExit[a.name] ?? 0, converted: f.convertedByExit[a.name] ?? 0 }]),
    );
    return [randomSplitStats(node.id, node.split, arms, heldOut.get(node.id) ?? { n: 0, converted: 0 })];
  });
  return {
    journeyId,
    version: found.version,
    asOf: asOf.toISOString(),
    totals,
    goal: goal(
      totals.entered,
      totals.converted,
      rows.find((r) => r.src === "goal"),
    ),
    nodes: [...nodes.values()],
    randomSplits,
  };
}
