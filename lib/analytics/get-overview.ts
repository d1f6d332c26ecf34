import { db } from "@/lib/db/client";
import { channelLabel } from "@/lib/templates/channels";
import { getWorkspaceCurrency } from "@/lib/workspace/settings";
import { cachedReport } from "./cache";
import { loadCampaignInfo, type Targeting } from "./campaign-info";
import { readMessageDaily, totalsOf } from "./delivery-rows";
import { addTotals, type DeliveryRates, deliveryRates, type DeliveryTotals, EMPTY_TOTALS } from "./metrics";
import { addDays, type DayRange, previousRange, resolveRange, weekStart } from "./range";
import type { Interval, OverviewBreakdown, OverviewQuery } from "./schema";

export type TotalsWithRates = { totals: DeliveryTotals; rates: DeliveryRates };
export type SeriesPoint = {
  bucket: string;
  channel: string;
  sent: number;
  delivered: number;
  opens: number;
  clicks: number;
  conversions: number;
};
export type CampaignRow = TotalsWithRates & {
  id: string;
  name: string;
  channel: string;
  targeting: Targeting | "unknown";
  audience: string;
};
export type BreakdownRow = TotalsWithRates & { key: string; label: string; campaigns: number };
export type Overview = {
  range: DayRange;
  compareRange: DayRange | null;
  interval: Interval;
  current: TotalsWithRates;
  previous: TotalsWithRates | null;
  buckets: string[];
  channels: string[];
  series: SeriesPoint[];
  byChannel: (TotalsWithRates & { channel: string })[];
  topCampaigns: CampaignRow[];
  byTargeting: (TotalsWithRates & { targeting: Targeting | "unknown"; campaigns: number })[];
  breakdown: { kind: OverviewBreakdown; rows: BreakdownRow[] };
  /** The workspace's currency (ISO 4217): revenue figures are in it. */
  currency: string;
};

const withRates = (totals: DeliveryTotals): TotalsWithRates => ({ totals, rates: deliveryRates(totals) });
const sum = (rows: Iterable<DeliveryTotals>) => [...rows].reduce(addTotals, { ...EMPTY_TOTALS });

/** Per (campaign, channel) totals for a range, keyed "campaignId\u0000channel". */
async function campaignTotals(workspaceId: string, range: DayRange): Promise<Map<string, DeliveryTotals>> {
  const rows = await readMessageDaily<"campaignId" | "channel">(workspaceId, { fromDay: range.from, toDay: range.to }, [
    "campaignId",
    "channel",
  ]);
  return new Map(rows.map((r) => [`${r.campaignId}\u0000${r.channel}`, totalsOf(r)]));
}

/** Every bucket start of a range, so quiet days show as zero instead of disappearing. */
export function bucketsOf(range: DayRange, interval: Interval): string[] {
  const out: string[] = [];
  for (
    let day = interval === "week" ? weekStart(range.from) : range.from;
    day <= range.to;
    day = addDays(day, interval === "week" ? 7 : 1)
  )
    out.push(day);
  return out;
}

async function computeOverview(
  workspaceId: string,
  query: OverviewQuery,
  range: DayRange,
  compareRange: DayRange | null,
): Promise<Omit<Overview, "currency">> {
  const span = { fromDay: range.from, toDay: range.to };
  const campaigns = await loadCampaignInfo(workspaceId);
  const [byCampaign, previousByCampaign, series, personaRows, personas] = await Promise.all([
    campaignTotals(workspaceId, range),
    compareRange ? campaignTotals(workspaceId, compareRange) : null,
    readMessageDaily<"bucket" | "channel">(workspaceId, span, ["bucket", "channel"], { interval: query.interval }),
    query.breakdown === "persona" ? readMessageDaily<"personaId">(workspaceId, span, ["personaId"]) : [],
    db.persona.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
  ]);

  const entries = [...byCampaign.entries()].map(([key, totals]) => {
    const [id, channel] = key.split("\u0000") as [string, string];
    return { id, channel, totals, info: campaigns.get(id) };
  });
  const group = <K extends string>(keyOf: (e: (typeof entries)[number]) => K) => {
    const out = new Map<K, { totals: DeliveryTotals; campaigns: Set<string> }>();
    for (const e of entries) {
      const k = keyOf(e);
      const g = out.get(k) ?? { totals: { ...EMPTY_TOTALS }, campaigns: new Set<string>() };
      g.totals = addTotals(g.totals, e.totals);
      g.campaigns.add(e.id);
      out.set(k, g);
    }
    return out;
  };

  const byChannel = [...group((e) => e.channel)]
    .map(([channel, g]) => ({ channel, ...withRates(g.totals) }))
    .sort((a, b) => b.totals.delivered - a.totals.delivered);
  const topCampaigns = [...group((e) => e.id)]
    .map(([id, g]) => {
      const info = campaigns.get(id);
      return {
        id,
        name: info?.name ?? id,
        channel: info?.channel ?? entries.find((e) => e.id === id)!.channel,
        targeting: info?.targeting ?? ("unknown" as const),
        audience: info?.audienceLabel ?? "—",
        ...withRates(g.totals),
      };
    })
    .sort((a, b) => b.totals.delivered - a.totals.delivered || a.name.localeCompare(b.name))
    .slice(0, 10);
  const byTargeting = [...group((e) => e.info?.targeting ?? "unknown")].map(([targeting, g]) => ({
    targeting,
    campaigns: g.campaigns.size,
    ...withRates(g.totals),
  }));

  const personaName = new Map(personas.map((p) => [p.id, p.name]));
  const byDelivered = (a: BreakdownRow, b: BreakdownRow) => b.totals.delivered - a.totals.delivered;
  const breakdownRows: Record<OverviewBreakdown, () => BreakdownRow[]> = {
    persona: () =>
      personaRows.map((r) => ({
        key: r.personaId || "none",
        label: r.personaId ? (personaName.get(r.personaId) ?? "Unknown persona") : "No persona",
        campaigns: 0,
        ...withRates(totalsOf(r)),
      })),
    segment: () =>
      [...group((e) => e.info?.audienceKey ?? "unknown")].map(([key, g]) => ({
        key,
        label:
          entries.find((e) => (e.info?.audienceKey ?? "unknown") === key)?.info?.audienceLabel ?? "Unknown campaign",
        campaigns: g.campaigns.size,
        ...withRates(g.totals),
      })),
    channel: () =>
      [...group((e) => e.channel)].map(([channel, g]) => ({
        key: channel,
        label: channelLabel(channel),
        campaigns: g.campaigns.size,
        ...withRates(g.totals),
      })),
  };
  const breakdown: Overview["breakdown"] = {
    kind: query.breakdown,
    rows: breakdownRows[query.breakdown]().sort(byDelivered),
  };

  return {
    range,
    compareRange,
    interval: query.interval,
    current: withRates(sum(byCampaign.values())),
    previous: previousByCampaign ? withRates(sum(previousByCampaign.values())) : null,
    buckets: bucketsOf(range, query.interval),
    channels: [...new Set(series.map((s) => s.channel))].sort(),
    series: series.map((s) => ({
      bucket: s.bucket,
      channel: s.channel,
      sent: s.sent,
      delivered: s.delivered,
      opens: s.opens,
      clicks: s.clicks,
      conversions: s.conversions,
    })),
    byChannel,
    topCampaigns,
    byTargeting,
    breakdown,
  };
}

/** The overview dashboard for a range (and the period before it), cached per data version. */
export async function getOverview(workspaceId: string, query: OverviewQuery, now = new Date()) {
  const range = resolveRange(query, now);
  const compareRange = query.compare === "previous" ? previousRange(range) : null;
  // The currency is read apart from the cache: changing it is not new data.
  const [report, currency] = await Promise.all([
    cachedReport(workspaceId, "overview", { ...query, range }, () =>
      computeOverview(workspaceId, query, range, compareRange),
    ),
    getWorkspaceCurrency(workspaceId),
  ]);
  return { ...report, currency };
}
