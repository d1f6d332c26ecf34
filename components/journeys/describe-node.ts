import { describeDefinition } from "@/lib/segments";
import type { JourneyExitReason, JourneyNode, JourneyNodeKind } from "@/lib/journeys";
import { CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates";

/** What the page knows about the templates a journey sends: name and channel by id. */
export type TemplateNames = Record<string, { name: string; channel: string }>;

export const NODE_KIND_LABELS: Record<JourneyNodeKind, string> = {
  entry: "Entry",
  send: "Send",
  wait: "Wait",
  split: "Split",
  update_trait: "Update trait",
  webhook: "Webhook",
  exit: "Exit",
};

/** Short words for why entries left at a step (JOURNEY_EXIT_REASONS has the full sentences). */
export const EXIT_REASON_WORDS: Record<JourneyExitReason, string> = {
  completed: "completed",
  goal: "reached the goal",
  holdout: "held out",
  skipped: "skipped",
  exit_criteria: "met an exit criterion",
  profile_deleted: "profile deleted",
};

/** "4 hours", "1 day 2 hours", "90 minutes" → "1 hour 30 minutes". */
export function describeMinutes(total: number): string {
  const parts: [number, string][] = [
    [Math.floor(total / 1440), "day"],
    [Math.floor((total % 1440) / 60), "hour"],
    [total % 60, "minute"],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? "" : "s"}`)
    .join(" ");
}

const filters = (where: readonly unknown[]) =>
  where.length === 0 ? "" : ` (${where.length} property filter${where.length === 1 ? "" : "s"})`;

const channelOf = (channel: string) => CHANNEL_SPECS[channel as TemplateChannel]?.label.toLowerCase() ?? channel;

/** What a template id reads as: "mobile push: New arrivals", or the bare id when the template is unknown here. */
export function describeTemplate(templateId: string | undefined, templates: TemplateNames): string {
  if (!templateId) return "no template picked";
  const t = templates[templateId];
  return t ? `${channelOf(t.channel)} “${t.name}”` : `template ${templateId}`;
}

/** A step in plain words, e.g. "Wait 4 hours", "Send mobile push “New arrivals”", "Random: A 45 % · B 45 % · holdout 10 %". */
export function describeNode(node: JourneyNode, templates: TemplateNames, nodes: Map<string, JourneyNode>): string {
  switch (node.kind) {
    case "entry": {
      const t = node.trigger;
      const on =
        t.type === "event"
          ? t.event
            ? `Enters on “${t.event}”${filters(t.where)}`
            : "Enters on an event still to pick"
          : t.type === "segment"
            ? "Enters on joining a segment"
            : t.type === "persona"
              ? "Enters on joining a persona"
              : `Enters on a schedule (${t.cadence.type})`;
      const again =
        node.reentry.type === "once"
          ? "once per person"
          : `again after ${node.reentry.days} day${node.reentry.days === 1 ? "" : "s"}`;
      return `${on}, ${again}`;
    }
    case "send":
      return `Send ${describeTemplate(node.templateId, templates)}${node.onSkip === "exit" ? "; exits if skipped" : ""}`;
    case "wait": {
      const w = node.wait;
      if (w.type === "duration") return `Wait ${describeMinutes(w.minutes)}`;
      if (w.type === "local_time") return `Wait until ${w.at} in their timezone`;
      if (w.type === "best_hour") return "Wait for their best hour";
      return `Wait up to ${describeMinutes(w.timeoutMinutes)} for “${w.event}”${filters(w.where)}`;
    }
    case "split": {
      const s = node.split;
      if (s.type === "random")
        return `Random: ${[
          ...s.arms.map((arm) => `${arm.name} ${arm.percent} %`),
          ...(s.holdoutPercent > 0 ? [`holdout ${s.holdoutPercent} %`] : []),
        ].join(" · ")}`;
      const c = s.condition;
      if (c.type === "engagement") {
        const send = nodes.get(c.sendNodeId);
        const what = send?.label
          ? `“${send.label}”`
          : send?.kind === "send"
            ? describeTemplate(send.templateId, templates)
            : c.sendNodeId;
        return `Split: ${c.action} ${what}? yes / no`;
      }
      // A label may already be the question ("Deal hunter?").
      return `Split: ${(node.label ?? describeDefinition(c.definition)).replace(/\?$/, "")}? yes / no`;
    }
    case "update_trait":
      return `Set trait “${node.key}” to ${JSON.stringify(node.value)}`;
    case "webhook":
      return `Call ${node.method} ${node.url} (webhooks are not sent yet)`;
    case "exit":
      return "Exit the journey";
  }
}

/** A branch's heading under a split or a wait for an event. */
export function describeExit(node: JourneyNode, exit: string): string {
  if (node.kind === "split" && node.split.type === "random") {
    const arm = node.split.arms.find((a) => a.name === exit);
    return arm ? `${arm.name} · ${arm.percent} %` : exit;
  }
  if (node.kind === "wait" && node.wait.type === "event")
    return exit === "event" ? `“${node.wait.event}” happened` : "Timed out";
  return exit === "yes" ? "Yes" : exit === "no" ? "No" : exit;
}
