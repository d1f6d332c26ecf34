import { profileTimeZone } from "@/lib/delivery/policy/evaluate-policy";
import type { JourneyExitReason } from "../entry-states";
import type { JourneyNode } from "../schema";
import { decideSteps, type Decision, type GroupContext } from "./decide-steps";
import { inSegment } from "./in-segment";
import {
  enqueueStepMessagesSql,
  insertStepsSql,
  mergeTraitsSql,
  recordedStepsSql,
  type HeldEntry,
  type Placement,
} from "./sql";
import { waitUntil } from "./wait-until";

// An entry on its way through this run; `waiting`: it stood in the wait step it is at (a timer that
// fired or a released wait), so it leaves that step rather than starting it.
type Walker = { entry: HeldEntry; waiting: boolean };

/**
 * Runs a group of entries — claimed, fenced and locked by the caller's transaction — through their
 * steps until each waits or exits, a step at a time for everyone standing at it: per step one insert
 * of the step rows, one statement for its effect (the Messages, the trait update) and at most one
 * read for its decision. Entries that part at a split and meet again further on are taken together
 * there: steps are taken in the version's topological order, so every entry bound for a step has
 * arrived before it runs. Returns where each entry ends up; the caller writes that in one statement.
 *
 * Why a crash neither repeats nor skips a step: the caller's transaction holds every statement of
 * the group — fence, steps, effects, new positions — and commits them together or not at all; a
 * crash before the commit leaves the entries where they were, still leased, and the next claim after
 * the lease runs out takes them again from the same steps. Within it, each step's rows are inserted
 * before its effects, with ON CONFLICT DO NOTHING RETURNING: only an entry whose row this statement
 * wrote gets the effect, and an entry whose step was already recorded (a run that committed it —
 * never a half-done one) follows the exit recorded then. The Message's own unique key
 * (campaign, profile, `entry:<id>`) is a second guard against a second send.
 */
export async function runGroup(ctx: GroupContext, held: readonly HeldEntry[]): Promise<Placement[]> {
  const placements: Placement[] = [];
  const pending = new Map<string, Walker[]>();
  const arrive = (nodeId: string, walker: Walker) => {
    const there = pending.get(nodeId);
    if (there) there.push(walker);
    else pending.set(nodeId, [walker]);
  };
  const criteriaMet = await meetsExitCriteria(ctx, held);
  for (const entry of held) {
    if (!entry.profileFound) placements.push(exited(entry, entry.nodeId, "profile_deleted"));
    else if (criteriaMet.has(entry.id)) placements.push(exited(entry, entry.nodeId, "exit_criteria"));
    else arrive(entry.nodeId, { entry, waiting: entry.state === "waiting" });
  }
  while (pending.size > 0) {
    const nodeId = firstInOrder(ctx, pending.keys());
    const walkers = pending.get(nodeId)!;
    pending.delete(nodeId);
    const node = ctx.version.byId.get(nodeId);
    if (!node) throw new Error(`Journey version ${ctx.version.id} has no step "${nodeId}"`);
    let here = walkers;
    if (node.kind === "wait") {
      for (const { entry } of walkers.filter((w) => !w.waiting)) {
        const { dueAt, waitingFor } = waitUntil(node.wait, ctx.now, entry, profileTimeZone(entry, ctx.policy));
        placements.push({ id: entry.id, nodeId, state: "waiting", dueAt, waitingFor });
      }
      here = walkers.filter((w) => w.waiting);
      if (here.length === 0) continue;
    }
    const entries = here.map((w) => w.entry);
    const taken = await takeStep(ctx, node, entries);
    entries.forEach((entry, i) => {
      const { exit, exitReason } = taken[i]!;
      if (exit === null) {
        placements.push(exited(entry, nodeId, exitReason));
        return;
      }
      const next = node.exits[exit];
      if (next === undefined)
        throw new Error(`Step "${nodeId}" of journey version ${ctx.version.id} has no "${exit}" exit`);
      arrive(next, { entry, waiting: false });
    });
  }
  return placements;
}

const exited = (entry: HeldEntry, nodeId: string, exitReason: JourneyExitReason): Placement => ({
  id: entry.id,
  nodeId,
  state: "exited",
  exitReason,
});

function firstInOrder(ctx: GroupContext, nodeIds: Iterable<string>): string {
  let first: string | undefined;
  for (const id of nodeIds)
    if (first === undefined || (ctx.version.order.get(id) ?? 0) < (ctx.version.order.get(first) ?? 0)) first = id;
  return first!;
}

/** Segment exit criteria are checked each time the worker takes an entry (event criteria are ingest's). */
async function meetsExitCriteria(ctx: GroupContext, held: readonly HeldEntry[]): Promise<Set<string>> {
  const met = new Set<string>();
  for (const [i, criterion] of ctx.version.definition.exitCriteria.entries()) {
    if (criterion.type !== "segment") continue;
    for (const entry of held)
      if (
        entry.profileFound &&
        !met.has(entry.id) &&
        (await inSegment(ctx, entry.profileId, criterion.definition, `exit:${i}`))
      )
        met.add(entry.id);
  }
  return met;
}

/**
 * One step for every entry standing at it: records it, performs its effect for the entries this run
 * recorded it for, and returns each entry's way out — the one decided now, or the one recorded before.
 */
async function takeStep(
  ctx: GroupContext,
  node: JourneyNode,
  entries: readonly HeldEntry[],
): Promise<{ exit: string | null; exitReason: JourneyExitReason }[]> {
  const decisions = await decideSteps(ctx, node, entries);
  const rows = entries.map((entry, i) => ({
    entryId: entry.id,
    exit: decisions[i]!.exit,
    outcome: decisions[i]!.outcome,
    skipReason: decisions[i]!.skipReason ?? null,
    messageId: decisions[i]!.messageId ?? null,
  }));
  const step = { workspaceId: ctx.workspaceId, nodeId: node.id, kind: node.kind, at: ctx.now };
  const inserted = await ctx.tx.$queryRaw<{ entryId: string }[]>(insertStepsSql(step, rows));
  const written = new Set(inserted.map((r) => r.entryId));
  await performEffects(
    ctx,
    node,
    entries.flatMap((entry, i) => (written.has(entry.id) ? [{ entry, decision: decisions[i]! }] : [])),
  );
  const before = entries.filter((entry) => !written.has(entry.id)).map((entry) => entry.id);
  const recorded =
    before.length === 0
      ? new Map<string, { exit: string | null; outcome: string }>()
      : new Map(
          (
            await ctx.tx.$queryRaw<{ entryId: string; exit: string | null; outcome: string }[]>(
              recordedStepsSql(ctx.workspaceId, node.id, before),
            )
          ).map((r) => [r.entryId, r]),
        );
  return entries.map((entry, i) => {
    if (written.has(entry.id)) return { exit: decisions[i]!.exit, exitReason: decisions[i]!.exitReason ?? "completed" };
    const earlier = recorded.get(entry.id);
    if (!earlier) throw new Error(`Step "${node.id}" of entry ${entry.id} was neither written nor found`);
    const exitReason: JourneyExitReason =
      earlier.outcome === "holdout" ? "holdout" : earlier.outcome === "skipped" ? "skipped" : "completed";
    return { exit: earlier.exit, exitReason };
  });
}

/** A step's side effect for the entries whose step this run recorded: one statement for all of them. */
async function performEffects(
  ctx: GroupContext,
  node: JourneyNode,
  recorded: readonly { entry: HeldEntry; decision: Decision }[],
): Promise<void> {
  if (node.kind === "update_trait" && recorded.length > 0)
    await ctx.tx.$executeRaw(
      mergeTraitsSql(
        ctx.workspaceId,
        recorded.map((r) => r.entry.profileId),
        node.key,
        node.value,
        ctx.now,
      ),
    );
  if (node.kind !== "send") return;
  const campaign = ctx.version.sendCampaigns[node.id];
  const messages = recorded.flatMap(({ entry, decision }) =>
    decision.messageId ? [{ id: decision.messageId, entryId: entry.id }] : [],
  );
  if (campaign && messages.length > 0)
    await ctx.tx.$executeRaw(
      enqueueStepMessagesSql(
        { workspaceId: ctx.workspaceId, campaignId: campaign.campaignId, channel: campaign.channel, now: ctx.now },
        messages,
      ),
    );
}
