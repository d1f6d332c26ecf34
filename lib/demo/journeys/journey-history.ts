import { drawArm } from "@/lib/journeys/engine/draw-arm";
import type { JourneyExitReason } from "@/lib/journeys/entry-states";
import type { JourneyDefinition, JourneyNode, SplitCondition } from "@/lib/journeys/schema";
import type { Random } from "@/lib/demo/population/random";

/*
 * A demo journey's history, written as the engine and the delivery worker would have left it had the
 * journey been live while the demo population's events happened (docs/data.md, "Demo journeys"):
 * entries on the trigger, one JourneyStep per step run at the time it ran, a Message per send with
 * its delivery, open, click and last-touch conversion, waits still running at `now`, goals from the
 * population's own events. The graph is walked step by step from its definition; a profile's path
 * is decided by its events (waits for an event, the goal, a "did they open the app" split), its
 * persona (a persona split), its consent and address (a send is skipped as the policy would), and
 * drawArm for a random split, so the holdout is the engine's own draw.
 */

export type HistoryProfile = {
  id: string;
  consent: Record<string, boolean>;
  /** The channels the profile has an address for (hasChannelAddress). */
  reachable: ReadonlySet<string>;
  /** Members of the persona a split names, by persona id. */
  personas: ReadonlySet<string>;
  /** Its events, oldest first. */
  events: readonly { name: string; at: number }[];
};

export type HistoryEntry = {
  id: string;
  profileId: string;
  occurrence: number;
  enteredAt: Date;
  context: { name: string; occurredAt: string };
  nodeId: string;
  state: "waiting" | "exited";
  dueAt: Date | null;
  waitingFor: string | null;
  exitedAt: Date | null;
  exitReason: JourneyExitReason | null;
  convertedAt: Date | null;
};
export type HistoryStep = {
  entryId: string;
  nodeId: string;
  kind: string;
  exit: string | null;
  outcome: string;
  skipReason: string | null;
  messageId: string | null;
  at: Date;
};
export type HistoryMessage = {
  id: string;
  campaignId: string;
  profileId: string;
  occurrence: string;
  channel: string;
  status: "sent" | "delivered";
  sendAfter: Date;
  createdAt: Date;
  sentAt: Date;
  deliveredAt: Date | null;
  openedAt: Date | null;
  clickedAt: Date | null;
  convertedAt: Date | null;
};

export type JourneyHistory = { entries: HistoryEntry[]; steps: HistoryStep[]; messages: HistoryMessage[] };

export type HistoryInput = {
  journeyId: string;
  definition: JourneyDefinition;
  /** Send step → its campaign and channel (JourneyVersion.sendCampaigns). */
  campaigns: Record<string, { campaignId: string; channel: string }>;
  /** When the journey went live: nothing enters before. */
  since: number;
  now: number;
  /** Entry times: each profile's trigger moments, oldest first (the trigger is applied by the caller). */
  triggers: (profile: HistoryProfile) => number[];
  random: Random;
  /** Deterministic ids: the same seed writes the same rows. */
  id: (kind: string) => string;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Per delivered message; the research's behaviour-triggered rates (lib/demo/population/campaigns.ts).
const DELIVERY = { email: 0.97, push: 0.94, in_app: 1 } as Record<string, number>;
const OPEN = { email: 0.42, push: 0.22, in_app: 0.55 } as Record<string, number>;
const CLICK = 0.15;

const firstAfter = (p: HistoryProfile, name: string, from: number, until: number) =>
  p.events.find((e) => e.name === name && e.at > from && e.at <= until)?.at ?? null;

/** Walks every profile's entries through the journey's graph; see the comment at the top. */
export function journeyHistory(profiles: readonly HistoryProfile[], input: HistoryInput): JourneyHistory {
  const { definition, now, random } = input;
  const byId = new Map(definition.nodes.map((n) => [n.id, n]));
  const entryNode = definition.nodes.find((n) => n.kind === "entry")!;
  const reentry = entryNode.kind === "entry" ? entryNode.reentry : ({ type: "once" } as const);
  const out: JourneyHistory = { entries: [], steps: [], messages: [] };
  const goal = definition.goal;
  // A send's campaign converts on the journey's goal, else on a purchase within 72 h (send-campaigns.ts).
  const attribution = { event: goal?.event ?? "purchase", ms: goal ? goal.windowDays * DAY : 3 * DAY };

  for (const profile of profiles) {
    let last: { enteredAt: number; exitedAt: number | null } | null = null;
    let occurrence = 0;
    for (const t0 of input.triggers(profile)) {
      if (t0 < input.since || t0 > now) continue;
      if (last) {
        if (reentry.type === "once") break;
        if (last.exitedAt === null || last.exitedAt > t0 || t0 - last.enteredAt < reentry.days * DAY) continue;
      }
      occurrence++;
      const entry: HistoryEntry = {
        id: input.id("entry"),
        profileId: profile.id,
        occurrence,
        enteredAt: new Date(t0),
        context: { name: "trigger", occurredAt: new Date(t0).toISOString() },
        nodeId: entryNode.id,
        state: "exited",
        dueAt: null,
        waitingFor: null,
        exitedAt: null,
        exitReason: null,
        convertedAt: null,
      };
      const goalAt = goal ? firstAfter(profile, goal.event, t0, Math.min(now, t0 + goal.windowDays * DAY)) : null;
      const messages: HistoryMessage[] = [];
      let node: JourneyNode | undefined = entryNode;
      let t = t0;
      while (node) {
        entry.nodeId = node.id;
        if (goalAt !== null && goalAt <= t) break;
        const step = (exit: string | null, outcome: string, extra: Partial<HistoryStep> = {}) =>
          out.steps.push({
            entryId: entry.id,
            nodeId: node!.id,
            kind: node!.kind,
            exit,
            outcome,
            skipReason: null,
            messageId: null,
            at: new Date(t),
            ...extra,
          });
        let exit: string | null;
        if (node.kind === "wait") {
          const w = node.wait;
          const until = t + (w.type === "duration" ? w.minutes : w.type === "event" ? w.timeoutMinutes : 60) * MINUTE;
          const released = w.type === "event" ? firstAfter(profile, w.event, t, Math.min(until, now)) : null;
          // The goal exits a waiting entry before its wait is released (releaseWaits).
          if (goalAt !== null && goalAt <= Math.min(until, released ?? until)) break;
          if (released === null && until > now) {
            Object.assign(entry, {
              state: "waiting",
              dueAt: new Date(until),
              waitingFor: w.type === "event" ? w.event : null,
            });
            break;
          }
          t = released ?? until;
          exit = w.type === "event" ? (released === null ? "timeout" : "event") : "next";
          step(exit, "waited");
        } else if (node.kind === "send") {
          const campaign = input.campaigns[node.id];
          const channel = campaign?.channel ?? "";
          const skip = !campaign
            ? "no_template"
            : !profile.consent[channel]
              ? "no_consent"
              : !profile.reachable.has(channel)
                ? "no_address"
                : null;
          exit = skip && node.onSkip === "exit" ? null : "next";
          if (skip) step(exit, "skipped", { skipReason: skip });
          else {
            const message = deliver(random, input.id("message"), campaign!, profile.id, entry.id, t, now);
            messages.push(message);
            out.messages.push(message);
            step(exit, "queued", { messageId: message.id });
          }
          if (skip && exit === null) entry.exitReason = "skipped";
        } else if (node.kind === "split") {
          const split = node.split;
          if (split.type === "random") {
            const draw = drawArm(split, {
              journeyId: input.journeyId,
              nodeId: node.id,
              occurrence,
              profileId: profile.id,
            });
            exit = draw.holdout ? null : draw.arm;
            step(exit, draw.holdout ? "holdout" : "branch");
            if (draw.holdout) entry.exitReason = "holdout";
          } else {
            exit = splitVerdict(split.condition, profile, t) ? "yes" : "no";
            step(exit, "branch");
          }
        } else if (node.kind === "exit") {
          exit = null;
          step(null, "exited");
        } else {
          // entry; update_trait and webhook steps (none in the demo journeys) are logged, not performed.
          exit = "next";
          step(exit, node.kind === "entry" ? "entered" : node.kind === "webhook" ? "skipped" : "updated");
        }
        if (exit === null) {
          entry.exitedAt = new Date(t);
          entry.exitReason ??= "completed";
          break;
        }
        node = byId.get(node.exits[exit] ?? "");
      }
      if (goalAt !== null) {
        entry.convertedAt = new Date(goalAt);
        if (entry.state !== "waiting" && entry.exitedAt === null) {
          entry.exitedAt = new Date(goalAt);
          entry.exitReason = "goal";
        }
      }
      attribute(messages, profile, attribution, now);
      out.entries.push(entry);
      last = { enteredAt: t0, exitedAt: entry.exitedAt?.getTime() ?? null };
    }
  }
  return out;
}

/** A segment condition as the demo journeys use one: a persona, or an event in the last hours. */
function splitVerdict(condition: SplitCondition, profile: HistoryProfile, t: number): boolean {
  if (condition.type !== "segment") return false;
  return condition.definition.root.children.every((child) => {
    if (child.kind === "persona") return profile.personas.has(child.personaId);
    if (child.kind === "event" && child.window?.type === "last") {
      const unit = { minutes: MINUTE, hours: 60 * MINUTE, days: DAY }[child.window.unit as string] ?? DAY;
      return firstAfter(profile, child.event, t - child.window.amount * unit, t) !== null;
    }
    return false;
  });
}

/** What the delivery worker and tracking would have recorded for a message queued at `t`. */
function deliver(
  random: Random,
  id: string,
  campaign: { campaignId: string; channel: string },
  profileId: string,
  entryId: string,
  t: number,
  now: number,
): HistoryMessage {
  const sentAt = t + 20_000 + Math.floor(random.next() * 40_000);
  const delivered = random.chance(DELIVERY[campaign.channel] ?? 0.95);
  const before = (at: number) => (at <= now ? new Date(at) : null);
  const openedAt =
    delivered && random.chance(OPEN[campaign.channel] ?? 0) ? sentAt + random.exponential(90 * MINUTE) : null;
  // A click implies the message was seen: tracked clicks come from opens on channels that measure them.
  const clickedAt =
    openedAt !== null && random.chance(CLICK / (OPEN[campaign.channel] ?? 1))
      ? openedAt + random.exponential(2 * MINUTE)
      : null;
  return {
    id,
    campaignId: campaign.campaignId,
    profileId,
    occurrence: `entry:${entryId}`,
    channel: campaign.channel,
    status: delivered ? "delivered" : "sent",
    sendAfter: new Date(t),
    createdAt: new Date(t),
    sentAt: new Date(sentAt),
    deliveredAt: delivered ? new Date(sentAt + 5_000) : null,
    openedAt: openedAt === null ? null : before(openedAt),
    clickedAt: clickedAt === null ? null : before(clickedAt),
    convertedAt: null,
  };
}

/**
 * Last-touch attribution (lib/delivery/tracking/attribute-conversions.ts): each goal event converts
 * the last of these messages delivered before it, within the campaign's window, if not converted yet.
 */
function attribute(
  messages: HistoryMessage[],
  profile: HistoryProfile,
  attribution: { event: string; ms: number },
  now: number,
) {
  for (const e of profile.events) {
    if (e.name !== attribution.event || e.at > now) continue;
    const last = messages
      .filter(
        (m) => m.deliveredAt && m.deliveredAt.getTime() < e.at && e.at <= m.deliveredAt.getTime() + attribution.ms,
      )
      .at(-1);
    if (last && !last.convertedAt) last.convertedAt = new Date(e.at);
  }
}
