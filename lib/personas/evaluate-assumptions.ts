import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import type { Assumption, Metric, ShareDimension } from "./schema";

export type Distribution = { value: string | null; profiles: number }[];
export type ChannelResponse = { channel: string; delivered: number; opened: number; clicked: number };
export type AudienceSummary = {
  ltvMedian: number | null;
  ltvMean: number | null;
  ordersCountMedian: number | null;
  ordersCountMean: number | null;
  aovMedian: number | null;
  aovMean: number | null;
};

/** What the assumptions are checked against: the bound segment's audience now. */
export type AudienceStats = {
  size: number;
  distributions: Record<ShareDimension | "activeHour" | "ltv" | "ordersCount", Distribution>;
  summary: AudienceSummary;
  channels: ChannelResponse[];
};

export type AssumptionStatus = "confirmed" | "contradicted" | "inconclusive" | "no_data" | "not_checkable";
export type AssumptionVerdict = { id: string; statement: string; status: AssumptionStatus; actual: string | null };

const METRIC_LABELS: Record<Metric, string> = {
  ltv: "lifetime value",
  ordersCount: "orders count",
  aov: "average order value",
};
const DIMENSION_LABELS: Record<ShareDimension, string> = {
  platform: "on",
  country: "in",
  locale: "with locale",
  favouriteCategory: "favouring",
};
const PLATFORM_LABELS: Record<string, string> = { ios: "iOS", android: "Android", web: "the web" };

const pct = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, "")} %`;
const num = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
const hours = (from: number, to: number) => `${from}–${to} h`;
const channelLabel = (channel: string) => CHANNEL_INFO[channel as Channel]?.label ?? channel;
const dimensionValue = (dimension: ShareDimension, value: string) =>
  dimension === "platform" ? (PLATFORM_LABELS[value] ?? value) : value;

/** The claim in words, as the persona page lists it. */
export function describeAssumption(a: Assumption): string {
  switch (a.kind) {
    case "share":
      return (
        `${a.op === "at_least" ? "≥" : "≤"} ${num(a.percent)} % are ` +
        `${DIMENSION_LABELS[a.dimension]} ${dimensionValue(a.dimension, a.value)}`
      );
    case "metric":
      return (
        `${a.stat === "median" ? "Median" : "Mean"} ${METRIC_LABELS[a.metric]} ` +
        `${a.op === "gt" ? ">" : "<"} ${num(a.value)}`
      );
    case "active_hours":
      return `Most active ${hours(a.from, a.to)} (local time)`;
    case "channel_preference":
      return `Prefers ${channelLabel(a.channel)} over ${channelLabel(a.over)} (${a.rate} rate)`;
    case "text":
      return a.text;
  }
}

/** Checks every assumption against the audience; exact for audience facts, with noise for response rates. */
export function evaluateAssumptions(
  assumptions: readonly Assumption[],
  stats: AudienceStats | null,
): AssumptionVerdict[] {
  return assumptions.map((a) => ({ id: a.id, statement: describeAssumption(a), ...verdict(a, stats) }));
}

function verdict(a: Assumption, stats: AudienceStats | null): { status: AssumptionStatus; actual: string | null } {
  if (a.kind === "text") return { status: "not_checkable", actual: null };
  if (!stats || stats.size === 0)
    return { status: "no_data", actual: stats ? "The audience is empty." : "No segment is bound." };
  switch (a.kind) {
    case "share": {
      const matching = stats.distributions[a.dimension].find((d) => d.value === a.value)?.profiles ?? 0;
      const share = matching / stats.size;
      const holds = a.op === "at_least" ? share * 100 >= a.percent : share * 100 <= a.percent;
      return {
        status: holds ? "confirmed" : "contradicted",
        actual:
          `${pct(share)} are ${DIMENSION_LABELS[a.dimension]} ${dimensionValue(a.dimension, a.value)} ` +
          `(${num(matching)} of ${num(stats.size)})`,
      };
    }
    case "metric": {
      const value = stats.summary[`${a.metric}${a.stat === "median" ? "Median" : "Mean"}`];
      if (value === null)
        return { status: "no_data", actual: `No one in the audience has a ${METRIC_LABELS[a.metric]} yet.` };
      const holds = a.op === "gt" ? value > a.value : value < a.value;
      return {
        status: holds ? "confirmed" : "contradicted",
        actual:
          `${a.stat === "median" ? "Median" : "Mean"} ${METRIC_LABELS[a.metric]} is ` +
          `${num(Math.round(value * 100) / 100)}`,
      };
    }
    case "active_hours": {
      const known = stats.distributions.activeHour.filter((d) => d.value !== null);
      const total = known.reduce((sum, d) => sum + d.profiles, 0);
      if (total === 0) return { status: "no_data", actual: "No one in the audience has an active hour yet." };
      const inside = known
        .filter((d) => Number(d.value) >= a.from && Number(d.value) < a.to)
        .reduce((sum, d) => sum + d.profiles, 0);
      const peak = known.reduce((best, d) =>
        d.profiles > best.profiles || (d.profiles === best.profiles && Number(d.value) < Number(best.value)) ? d : best,
      );
      const share = inside / total;
      return {
        status: share * 100 > a.minShare ? "confirmed" : "contradicted",
        actual:
          `${pct(share)} are most active ${hours(a.from, a.to)} (${num(inside)} of ${num(total)}); ` +
          `the peak is ${peak.value} h`,
      };
    }
    case "channel_preference":
      return compareChannels(a.channel, a.over, a.rate, stats.channels);
  }
}

/** The 95 % normal-approximation margin of a response rate p measured on n delivered messages. */
export const responseMargin = (p: number, n: number) => (n > 0 ? 1.96 * Math.sqrt((p * (1 - p)) / n) : 0);

/**
 * Response rates are a sample of behaviour, not a fact about the audience, so the preference
 * holds only when the difference is clear of noise: a two-proportion z-test at 95 % (|z| ≥ 1.96).
 */
function compareChannels(channel: string, over: string, rate: "open" | "click", channels: ChannelResponse[]) {
  const find = (c: string) => channels.find((r) => r.channel === c);
  const none = [channel, over].filter((c) => (find(c)?.delivered ?? 0) === 0);
  if (none.length > 0)
    return {
      status: "no_data" as const,
      actual: `No delivered messages on ${none.map(channelLabel).join(" or ")} for this audience.`,
    };
  const a = find(channel)!;
  const b = find(over)!;
  const hits = (r: ChannelResponse) => (rate === "open" ? r.opened : r.clicked);
  const pa = hits(a) / a.delivered;
  const pb = hits(b) / b.delivered;
  const pooled = (hits(a) + hits(b)) / (a.delivered + b.delivered);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.delivered + 1 / b.delivered));
  const z = se === 0 ? 0 : (pa - pb) / se;
  const figure = (label: string, p: number, n: number) =>
    `${channelLabel(label)} ${rate} rate ${pct(p)} ± ${pct(responseMargin(p, n))} (n = ${num(n)})`;
  const actual = `${figure(channel, pa, a.delivered)} vs ${figure(over, pb, b.delivered)}`;
  if (Math.abs(z) < 1.96)
    return { status: "inconclusive" as const, actual: `${actual}: the difference is within noise` };
  return { status: z > 0 ? ("confirmed" as const) : ("contradicted" as const), actual };
}

export type CheckTally = { confirmed: number; contradicted: number; checkable: number };

export function tallyVerdicts(verdicts: readonly AssumptionVerdict[]): CheckTally {
  const count = (...statuses: AssumptionStatus[]) => verdicts.filter((v) => statuses.includes(v.status)).length;
  return {
    confirmed: count("confirmed"),
    contradicted: count("contradicted"),
    checkable: count("confirmed", "contradicted", "inconclusive"),
  };
}

/** Warnings the persona page and gallery show: unbound, or the data mostly disagrees with the story. */
export function personaWarnings(boundSegment: boolean, tally: CheckTally | null): string[] {
  const warnings: string[] = [];
  if (!boundSegment) warnings.push("No segment is bound: nothing on this persona is checked against real customers.");
  if (tally && tally.checkable > 0 && tally.contradicted * 2 > tally.checkable) {
    warnings.push(
      `${tally.contradicted} of ${tally.checkable} checkable assumptions are contradicted by the ` +
        `data: the story needs revisiting.`,
    );
  }
  return warnings;
}
