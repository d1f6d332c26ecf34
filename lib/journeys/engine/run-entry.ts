import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-object";
import { evaluatePolicy, profileTimeZone } from "@/lib/delivery/policy/evaluate-policy";
import { hasChannelAddress } from "@/lib/delivery/policy/has-address";
import { capWindowStart, recentSendsFor } from "@/lib/delivery/policy/recent-sends";
import type { WorkspacePolicy } from "@/lib/delivery/policy/schema";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import { compileDefinition } from "@/lib/segments/compile";
import type { References } from "@/lib/segments/load-references";
import type { SegmentDefinition } from "@/lib/segments/schema";
import { explainSql } from "@/lib/segments/sql";
import { MAX_JOURNEY_NODES, type JourneyNode } from "../schema";
import type { JourneyExitReason } from "../entry-states";
import { drawArm } from "./draw-arm";
import type { LoadedVersion } from "./load-versions";
import { enqueueStepMessageSql, insertStepSql, mergeTraitSql, type ClaimedEntry } from "./sql";
import { waitUntil } from "./wait-until";

/** Where a run leaves an entry: waiting in a wait step until dueAt, or exited. */
export type RunResult =
  | { state: "waiting"; nodeId: string; dueAt: Date; waitingFor: string | null }
  | { state: "exited"; nodeId: string; exitReason: JourneyExitReason };

/** What a run needs besides the entry; `references` are loaded before the transaction (see advanceJourneys). */
export type RunContext = {
  tx: Tx;
  now: Date;
  version: LoadedVersion;
  /** The segments and personas each segment condition names: `${versionId}:${nodeId}` or `${versionId}:exit:${i}`. */
  references: Map<string, References>;
  policy: WorkspacePolicy;
};

const PROFILE_SELECT = {
  email: true,
  phone: true,
  externalId: true,
  traits: true,
  consent: true,
  subscriptions: true,
  timezone: true,
  activeHour: true,
} as const;

type Profile = { traits: unknown; consent: unknown; subscriptions: unknown; timezone: string | null } & {
  email: string | null;
  phone: string | null;
  externalId: string | null;
  activeHour: number | null;
};

// A step's verdict before it is recorded; `effect` runs only when this run recorded the step.
type Decision = {
  exit: string | null;
  outcome: "entered" | "queued" | "skipped" | "branch" | "holdout" | "updated" | "waited" | "exited";
  skipReason?: string;
  messageId?: string;
  exitReason?: JourneyExitReason;
  effect?: () => Promise<unknown>;
};

/**
 * Runs one claimed entry's steps, in the caller's transaction, until it waits or exits. Each step is
 * recorded (JourneyStep, unique per entry and step) before its side effect, and the effect happens
 * only when this run wrote the record: the Message, the trait update and the step commit with the
 * entry's new position or not at all, so a crash neither repeats nor skips a step.
 */
export async function runEntry(ctx: RunContext, entry: ClaimedEntry): Promise<RunResult> {
  const { tx, now, version } = ctx;
  const profile = (await tx.profile.findUnique({
    where: { workspaceId_id: { workspaceId: entry.workspaceId, id: entry.profileId } },
    select: PROFILE_SELECT,
  })) as Profile | null;
  if (!profile) return { state: "exited", nodeId: entry.nodeId, exitReason: "profile_deleted" };

  for (const [i, criterion] of version.definition.exitCriteria.entries())
    if (criterion.type === "segment" && (await inSegment(ctx, entry, criterion.definition, `exit:${i}`)))
      return { state: "exited", nodeId: entry.nodeId, exitReason: "exit_criteria" };

  let nodeId = entry.nodeId;
  let waiting = entry.state === "waiting";
  // Acyclic (validateJourney), so a run visits each step at most once; the bound is a guard.
  for (let hop = 0; hop <= MAX_JOURNEY_NODES; hop++) {
    const node = version.byId.get(nodeId);
    if (!node) throw new Error(`Journey version ${version.id} has no step "${nodeId}"`);
    if (node.kind === "wait" && !waiting) {
      const { dueAt, waitingFor } = waitUntil(node.wait, now, profile, profileTimeZone(profile, ctx.policy));
      return { state: "waiting", nodeId, dueAt, waitingFor };
    }
    const decided = await decide(ctx, entry, node, profile);
    const { exit, exitReason } = await recordStep(ctx, entry, node, decided);
    if (exit === null) return { state: "exited", nodeId, exitReason };
    const next = node.exits[exit];
    if (next === undefined) throw new Error(`Step "${nodeId}" of journey version ${version.id} has no "${exit}" exit`);
    nodeId = next;
    waiting = false;
  }
  throw new Error(`Journey version ${version.id} ran more steps than it has`);
}

/** Records the step; runs its effect if this run recorded it, else follows what the earlier run recorded. */
async function recordStep(
  ctx: RunContext,
  entry: ClaimedEntry,
  node: JourneyNode,
  decided: Decision,
): Promise<{ exit: string | null; exitReason: JourneyExitReason }> {
  const written = await ctx.tx.$queryRaw<unknown[]>(
    insertStepSql({
      workspaceId: entry.workspaceId,
      entryId: entry.id,
      nodeId: node.id,
      kind: node.kind,
      exit: decided.exit,
      outcome: decided.outcome,
      skipReason: decided.skipReason ?? null,
      messageId: decided.messageId ?? null,
      at: ctx.now,
    }),
  );
  if (written.length > 0) {
    await decided.effect?.();
    return { exit: decided.exit, exitReason: decided.exitReason ?? "completed" };
  }
  const earlier = await ctx.tx.journeyStep.findUniqueOrThrow({
    where: { workspaceId_entryId_nodeId: { workspaceId: entry.workspaceId, entryId: entry.id, nodeId: node.id } },
    select: { exit: true, outcome: true },
  });
  const exitReason: JourneyExitReason =
    earlier.outcome === "holdout" ? "holdout" : earlier.outcome === "skipped" ? "skipped" : "completed";
  return { exit: earlier.exit, exitReason };
}

async function decide(ctx: RunContext, entry: ClaimedEntry, node: JourneyNode, profile: Profile): Promise<Decision> {
  switch (node.kind) {
    case "entry":
      return { exit: "next", outcome: "entered" };
    case "wait":
      // Leaving a wait: the event came (released by ingest) or the timer ran out.
      return {
        exit: node.wait.type === "event" ? (entry.eventAt ? "event" : "timeout") : "next",
        outcome: "waited",
      };
    case "exit":
      return { exit: null, outcome: "exited" };
    case "send":
      return decideSend(ctx, entry, node, profile);
    case "split":
      return decideSplit(ctx, entry, node);
    case "update_trait":
      return {
        exit: "next",
        outcome: "updated",
        effect: () =>
          ctx.tx.$executeRaw(mergeTraitSql(entry.workspaceId, entry.profileId, node.key, node.value, ctx.now)),
      };
    case "webhook":
      // Not supported yet: delivery's webhook provider posts a webhook campaign to the endpoint the
      // workspace configured; a step's own URL, method and body have no sender (the outbound-address
      // guard, retries and a log for them are still to build). Recorded as skipped, never faked.
      return { exit: "next", outcome: "skipped", skipReason: "not_supported" };
  }
}

/**
 * A send step queues a Message on its campaign; the delivery worker renders and sends it and applies
 * the policy again when it goes out. Policy is checked here too so that a send skipped now (no
 * consent, no address, a cap reached, quiet hours set to skip) follows the step's onSkip; a message
 * the worker skips later (say a cap reached meanwhile) does not change the entry's path.
 */
async function decideSend(
  ctx: RunContext,
  entry: ClaimedEntry,
  node: Extract<JourneyNode, { kind: "send" }>,
  profile: Profile,
): Promise<Decision> {
  const onSkip = node.onSkip === "continue" ? "next" : null;
  const campaign = ctx.version.sendCampaigns[node.id];
  if (!campaign) return { exit: onSkip, outcome: "skipped", skipReason: "no_template", exitReason: "skipped" };
  const recent = await recentSendsFor(
    ctx.tx,
    entry.workspaceId,
    [entry.profileId],
    capWindowStart(ctx.policy, ctx.now),
  );
  const channel = campaign.channel;
  const decision = evaluatePolicy({
    policy: ctx.policy,
    channel,
    transactional: false,
    topic: null,
    profile: {
      consent: asRecord(profile.consent),
      subscriptions: asRecord(profile.subscriptions),
      timezone: profile.timezone,
      // A webhook template is addressed to the sender's system, as the delivery worker has it.
      hasAddress: channel in CHANNEL_INFO ? hasChannelAddress(profile, channel as Channel) : true,
    },
    recentSends: recent.get(entry.profileId) ?? [],
    now: ctx.now,
  });
  if (decision.action === "skip")
    return { exit: onSkip, outcome: "skipped", skipReason: decision.reason, exitReason: "skipped" };
  const messageId = randomUUID();
  return {
    exit: "next",
    outcome: "queued",
    messageId,
    effect: () =>
      ctx.tx.$executeRaw(
        enqueueStepMessageSql({
          workspaceId: entry.workspaceId,
          id: messageId,
          campaignId: campaign.campaignId,
          profileId: entry.profileId,
          entryId: entry.id,
          channel,
          now: ctx.now,
        }),
      ),
  };
}

async function decideSplit(
  ctx: RunContext,
  entry: ClaimedEntry,
  node: Extract<JourneyNode, { kind: "split" }>,
): Promise<Decision> {
  const { split } = node;
  if (split.type === "random") {
    const draw = drawArm(split, {
      journeyId: entry.journeyId,
      nodeId: node.id,
      occurrence: entry.occurrence,
      profileId: entry.profileId,
    });
    return draw.holdout
      ? { exit: null, outcome: "holdout", exitReason: "holdout" }
      : { exit: draw.arm, outcome: "branch" };
  }
  const { condition } = split;
  if (condition.type === "segment") {
    const yes = await inSegment(ctx, entry, condition.definition, node.id);
    return { exit: yes ? "yes" : "no", outcome: "branch" };
  }
  // Engagement with the message this entry's earlier send step queued (validateJourney makes sure
  // every path here passes that step); a skipped send has no message and counts as not engaged.
  const sent = await ctx.tx.journeyStep.findUnique({
    where: {
      workspaceId_entryId_nodeId: { workspaceId: entry.workspaceId, entryId: entry.id, nodeId: condition.sendNodeId },
    },
    select: { messageId: true },
  });
  const message = sent?.messageId
    ? await ctx.tx.message.findUnique({
        where: { workspaceId_id: { workspaceId: entry.workspaceId, id: sent.messageId } },
        select: { openedAt: true, clickedAt: true },
      })
    : null;
  // A click implies the message was opened, whether or not the open pixel loaded.
  const yes = condition.action === "clicked" ? !!message?.clickedAt : !!(message?.openedAt ?? message?.clickedAt);
  return { exit: yes ? "yes" : "no", outcome: "branch" };
}

/** Whether the entry's profile is in a segment definition now: the segment compiler's explain query for one profile. */
async function inSegment(
  ctx: RunContext,
  entry: ClaimedEntry,
  definition: SegmentDefinition,
  key: string,
): Promise<boolean> {
  const references = ctx.references.get(`${ctx.version.id}:${key}`);
  if (!references) throw new Error(`The segment references of ${ctx.version.id}:${key} were not loaded`);
  const compiled = compileDefinition(entry.workspaceId, definition, {
    now: ctx.now,
    segments: references.segments,
    personas: references.personas,
    profileId: entry.profileId,
  });
  const [row] = await ctx.tx.$queryRaw<Record<string, unknown>[]>(
    explainSql(entry.workspaceId, compiled, entry.profileId),
  );
  const root = compiled.nodes.findIndex((n) => n.id === definition.root.id);
  return row?.[`m${root}`] === true;
}
