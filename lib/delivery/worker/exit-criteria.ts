import { db } from "@/lib/db/client";
import { ACTIVITY_EVENTS } from "../triggers";
import type { ClaimedMessage } from "./claim";
import type { SendCampaign } from "./send-context";
import { exitedTriggersSql, type ExitCheck } from "./sql";

/**
 * Triggered messages whose reason went away while they waited: the cart was bought (abandoned
 * cart), the person came back (inactivity). One query per workspace batch; message id → why.
 */
export async function exitedTrigger(
  workspaceId: string,
  messages: readonly ClaimedMessage[],
  campaigns: Map<string, SendCampaign>,
): Promise<Map<string, string>> {
  const checks: (ExitCheck & { why: string })[] = [];
  for (const m of messages) {
    const schedule = campaigns.get(`${workspaceId}:${m.campaignId}`)?.schedule;
    const since = typeof m.context?.occurredAt === "string" ? m.context.occurredAt : null;
    if (schedule?.kind !== "trigger" || !since) continue;
    if (schedule.trigger.recipe === "abandoned_cart")
      checks.push({
        id: m.id,
        profileId: m.profileId,
        since,
        names: ["purchase"],
        why: "Purchased after adding to the cart.",
      });
    if (schedule.trigger.recipe === "inactivity")
      checks.push({ id: m.id, profileId: m.profileId, since, names: ACTIVITY_EVENTS, why: "Became active again." });
  }
  if (checks.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string }[]>(exitedTriggersSql(workspaceId, checks));
  const why = new Map(checks.map((c) => [c.id, c.why]));
  return new Map(rows.map((r) => [r.id, why.get(r.id)!]));
}
