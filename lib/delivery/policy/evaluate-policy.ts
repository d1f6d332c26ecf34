import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import { isValidTimeZone, localMinuteOfDay, minutesOf, nextLocalTime } from "../local-time";
import type { FrequencyCap, WorkspacePolicy } from "./schema";
import type { SkipReason } from "./skip-reasons";

const DAY = 86_400_000;

export type PolicyProfile = {
  consent: Record<string, unknown>;
  subscriptions: Record<string, unknown>;
  timezone: string | null;
  /** The channel's address is present (hasChannelAddress). */
  hasAddress: boolean;
};

export type RecentSend = { channel: string; sentAt: Date };

export type PolicyInput = {
  policy: WorkspacePolicy;
  /** The message's channel (a template channel: lib/profiles/channels' plus "webhook"). */
  channel: string;
  transactional: boolean;
  /** The campaign's preference-page topic; null = none. */
  topic: string | null;
  profile: PolicyProfile;
  /** The profile's messages sent within the longest cap window (recentSendsFor). */
  recentSends: readonly RecentSend[];
  now: Date;
};

export type PolicyDecision =
  | { action: "send" }
  | { action: "defer"; until: Date; reason: "quiet_hours" }
  | { action: "skip"; reason: Exclude<SkipReason, "render_error">; detail: string };

const channelLabel = (channel: string) =>
  channel === "all" ? "messages across channels" : `${CHANNEL_INFO[channel as Channel]?.label ?? channel} messages`;

/** How many of `sends` a cap counts: its channel (or every channel) within its last `days` × 24 h. */
export function countForCap(cap: FrequencyCap, sends: readonly RecentSend[], now: Date): number {
  const since = now.getTime() - cap.days * DAY;
  let n = 0;
  for (const s of sends) {
    const t = s.sentAt.getTime();
    if (t > since && t <= now.getTime() && (cap.channel === "all" || s.channel === cap.channel)) n++;
  }
  return n;
}

/** The timezone a profile's local time is read in: its own when Intl knows it, else the policy's default. */
export function profileTimeZone(
  profile: Pick<PolicyProfile, "timezone">,
  policy: Pick<WorkspacePolicy, "defaultTimezone">,
): string {
  return profile.timezone && isValidTimeZone(profile.timezone) ? profile.timezone : policy.defaultTimezone;
}

/** Whether local minute-of-day `m` is inside the window [start, end), which may cross midnight. */
function inWindow(m: number, start: number, end: number): boolean {
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * The policy's verdict for one recipient of one message, checked in this order: consent for the
 * channel (must be true; unknown is no consent; transactional sends need it too), the campaign's
 * topic not unsubscribed, an address on the channel, then — except for transactional sends —
 * every frequency cap that covers the channel, then quiet hours in the profile's local time
 * (defer → the instant quiet hours end; skip). Webhooks go to the sender's own endpoint, not to a
 * person: consent and address do not apply to them, caps and quiet hours do.
 * Pure: the caller reads the profile and its recent sends (recentSendsFor) and passes `now`.
 */
export function evaluatePolicy(input: PolicyInput): PolicyDecision {
  const { policy, channel, profile, now } = input;
  const label = CHANNEL_INFO[channel as Channel]?.label ?? channel;
  if (channel !== "webhook" && profile.consent[channel] !== true) {
    const detail = profile.consent[channel] === false ? `Opted out of ${label}.` : `No ${label} consent recorded.`;
    return { action: "skip", reason: "no_consent", detail };
  }
  if (input.topic && profile.subscriptions[input.topic] === false) {
    return {
      action: "skip",
      reason: "unsubscribed",
      detail: `Unsubscribed from “${policy.topics.find((t) => t.key === input.topic)?.label ?? input.topic}”.`,
    };
  }
  if (channel !== "webhook" && !profile.hasAddress) {
    return {
      action: "skip",
      reason: "no_address",
      detail: `No ${CHANNEL_INFO[channel as Channel]?.addressLabel ?? "address"}.`,
    };
  }
  if (input.transactional) return { action: "send" };

  for (const cap of policy.caps) {
    if (cap.channel !== "all" && cap.channel !== channel) continue;
    const count = countForCap(cap, input.recentSends, now);
    if (count >= cap.max) {
      return {
        action: "skip",
        reason: "frequency_cap",
        detail:
          `${count} of at most ${cap.max} ${channelLabel(cap.channel)} in the last ` +
          `${cap.days === 1 ? "day" : `${cap.days} days`}.`,
      };
    }
  }

  const quiet = policy.quietHours;
  if (quiet.enabled) {
    const zone = profileTimeZone(profile, policy);
    if (inWindow(localMinuteOfDay(now, zone), minutesOf(quiet.start), minutesOf(quiet.end))) {
      if (quiet.action === "skip")
        return { action: "skip", reason: "quiet_hours", detail: `Quiet hours ${quiet.start}–${quiet.end} in ${zone}.` };
      return { action: "defer", until: nextLocalTime(now, quiet.end, zone), reason: "quiet_hours" };
    }
  }
  return { action: "send" };
}
