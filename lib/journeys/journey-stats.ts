import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { JourneyNodeStats, JourneyStats } from "./api-schema";
import type { JourneyExitReason } from "./entry-states";
import { journeyNotFound } from "./journey-not-found";
import type { JourneyDefinition } from "./schema";
import { journeyStatsSql, type JourneyStatsRow } from "./sql";

const add = <K extends string>(into: Partial<Record<K, number>>, key: K, n: number) => {
  into[key] = (into[key] ?? 0) + n;
};

/**
 * Per step of one version (the current one unless `version` is given): how many are in it now,
 * ran it (and by which exit they left), and exited there by reason; and the version's totals —
 * entered, still in, exited by reason, converted. One grouped statement (journeyStatsSql), read at
 * `asOf`. Before the first publish: no steps, every count 0.
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
  if (!found) return { journeyId, version: null, asOf: asOf.toISOString(), totals, nodes: [] };

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
      },
    ]),
  );
  for (const row of rows) {
    const node = nodes.get(row.nodeId);
    if (row.src === "step") {
      if (!node) continue;
      node.passed += row.n;
      node.reached += row.n;
      if (row.key !== null) add(node.byExit, row.key, row.n);
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
  }
  return { journeyId, version: found.version, asOf: asOf.toISOString(), totals, nodes: [...nodes.values()] };
}
