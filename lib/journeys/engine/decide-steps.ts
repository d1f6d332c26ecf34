import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-object";
import { evaluatePolicy } from "@/lib/delivery/policy/evaluate-policy";
import { hasChannelAddress } from "@/lib/delivery/policy/has-address";
import { capWindowStart, recentSendsFor } from "@/lib/delivery/policy/recent-sends";
import type { WorkspacePolicy } from "@/lib/delivery/policy/schema";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import type { References } from "@/lib/segments/load-references";
import type { JourneyExitReason } from "../entry-states";
import type { JourneyNode } from "../schema";
import { drawArm } from "./draw-arm";
import { inSegment } from "./in-segment";
import type { LoadedVersion } from "./load-versions";
import { stepMessagesSql, type HeldEntry } from "./sql";

/** What a group run reads besides its entries; `references` are loaded before the transaction (advanceJourneys). */
export type GroupContext = {
  tx: Tx;
  now: Date;
  workspaceId: string;
  version: LoadedVersion;
  /** The segments and personas each segment condition names: `${versionId}:${nodeId}` or `${versionId}:exit:${i}`. */
  references: Map<string, References>;
  policy: WorkspacePolicy;
};

/** One entry's verdict at a step, before it is recorded (its effect happens only if this run records it). */
export type Decision = {
  exit: string | null;
  outcome: "entered" | "queued" | "skipped" | "branch" | "holdout" | "updated" | "waited" | "exited";
  skipReason?: string;
  messageId?: string;
  exitReason?: JourneyExitReason;
};

/**
 * Each entry's verdict at `node`, in the order of `entries`: at most one read for the whole group
 * (a send's recent messages, an engagement split's messages), except a segment condition, which is
 * asked per profile (inSegment says why).
 */
export async function decideSteps(
  ctx: GroupContext,
  node: JourneyNode,
  entries: readonly HeldEntry[],
): Promise<Decision[]> {
  switch (node.kind) {
    case "entry":
      return entries.map(() => ({ exit: "next", outcome: "entered" }));
    case "wait":
      // Leaving a wait: the event came (released by ingest) or the timer ran out.
      return entries.map((entry) => ({
        exit: node.wait.type === "event" ? (entry.eventAt ? "event" : "timeout") : "next",
        outcome: "waited",
      }));
    case "exit":
      return entries.map(() => ({ exit: null, outcome: "exited" }));
    case "update_trait":
      return entries.map(() => ({ exit: "next", outcome: "updated" }));
    case "webhook":
      // Not supported yet: delivery's webhook provider posts a webhook campaign to the endpoint the
      // workspace configured; a step's own URL, method and body have no sender (the outbound-address
      // guard, retries and a log for them are still to build). Recorded as skipped, never faked.
      return entries.map(() => ({ exit: "next", outcome: "skipped", skipReason: "not_supported" }));
    case "send":
      return decideSends(ctx, node, entries);
    case "split":
      return decideSplits(ctx, node, entries);
  }
}

/**
 * A send step queues a Message on its campaign; the delivery worker renders and sends it and applies
 * the policy again when it goes out. Policy is checked here too so that a send skipped now (no
 * consent, no address, a cap reached, quiet hours set to skip) follows the step's onSkip; a message
 * the worker skips later (say a cap reached meanwhile) does not change the entry's path.
 */
async function decideSends(
  ctx: GroupContext,
  node: Extract<JourneyNode, { kind: "send" }>,
  entries: readonly HeldEntry[],
): Promise<Decision[]> {
  const onSkip = node.onSkip === "continue" ? "next" : null;
  const campaign = ctx.version.sendCampaigns[node.id];
  if (!campaign)
    return entries.map(() => ({ exit: onSkip, outcome: "skipped", skipReason: "no_template", exitReason: "skipped" }));
  const recent = await recentSendsFor(
    ctx.tx,
    ctx.workspaceId,
    entries.map((e) => e.profileId),
    capWindowStart(ctx.policy, ctx.now),
  );
  const channel = campaign.channel;
  return entries.map((entry): Decision => {
    const decision = evaluatePolicy({
      policy: ctx.policy,
      channel,
      transactional: false,
      topic: null,
      profile: {
        consent: asRecord(entry.consent),
        subscriptions: asRecord(entry.subscriptions),
        timezone: entry.timezone,
        // A webhook template is addressed to the sender's system, as the delivery worker has it.
        hasAddress: channel in CHANNEL_INFO ? hasChannelAddress(entry, channel as Channel) : true,
      },
      recentSends: recent.get(entry.profileId) ?? [],
      now: ctx.now,
    });
    return decision.action === "skip"
      ? { exit: onSkip, outcome: "skipped", skipReason: decision.reason, exitReason: "skipped" }
      : { exit: "next", outcome: "queued", messageId: randomUUID() };
  });
}

async function decideSplits(
  ctx: GroupContext,
  node: Extract<JourneyNode, { kind: "split" }>,
  entries: readonly HeldEntry[],
): Promise<Decision[]> {
  const { split } = node;
  const branch = (yes: boolean): Decision => ({ exit: yes ? "yes" : "no", outcome: "branch" });
  if (split.type === "random")
    return entries.map((entry) => {
      const draw = drawArm(split, {
        journeyId: entry.journeyId,
        nodeId: node.id,
        occurrence: entry.occurrence,
        profileId: entry.profileId,
      });
      return draw.holdout
        ? { exit: null, outcome: "holdout", exitReason: "holdout" }
        : { exit: draw.arm, outcome: "branch" };
    });
  const { condition } = split;
  if (condition.type === "segment") {
    const decisions: Decision[] = [];
    for (const entry of entries)
      decisions.push(branch(await inSegment(ctx, entry.profileId, condition.definition, node.id)));
    return decisions;
  }
  // Engagement with the message each entry's earlier send step queued (validateJourney makes sure
  // every path here passes that step); a skipped send has no message and counts as not engaged.
  const rows = await ctx.tx.$queryRaw<{ entryId: string; openedAt: Date | null; clickedAt: Date | null }[]>(
    stepMessagesSql(
      ctx.workspaceId,
      condition.sendNodeId,
      entries.map((e) => e.id),
    ),
  );
  // A click implies the message was opened, whether or not the open pixel loaded.
  const engaged = new Set(
    rows
      .filter((m) => (condition.action === "clicked" ? m.clickedAt : (m.openedAt ?? m.clickedAt)))
      .map((m) => m.entryId),
  );
  return entries.map((entry) => branch(engaged.has(entry.id)));
}
