import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { getWorkspaceCurrency } from "@/lib/workspace/settings";
import { cachedReport } from "./cache";
import { loadCampaignInfo, type Targeting } from "./campaign-info";
import { readMessageDaily, totalsOf } from "./delivery-rows";
import { addTotals, deliveryRates, type DeliveryTotals, EMPTY_TOTALS } from "./metrics";
import { addDays, isoDay } from "./range";
import { bucketsOf, type SeriesPoint, type TotalsWithRates } from "./get-overview";
import { skipReasonsSql, topLinksSql } from "./sql";

export type CampaignReport = {
  /** The workspace's currency (ISO 4217): revenue figures are in it. */
  currency: string;
  campaign: {
    id: string;
    name: string;
    channel: string;
    targeting: Targeting;
    audience: string;
    launchedAt: string | null;
    goalEvent: string;
    attributionHours: number;
  };
  since: string;
  until: string;
  current: TotalsWithRates;
  byVariant: (TotalsWithRates & { variant: string })[];
  byChannel: (TotalsWithRates & { channel: string })[];
  byPersona: (TotalsWithRates & { key: string; label: string })[];
  buckets: string[];
  series: SeriesPoint[];
  skipReasons: { reason: string; count: number }[];
  topLinks: { url: string; clicks: number; clickers: number }[];
};

const withRates = (totals: DeliveryTotals): TotalsWithRates => ({ totals, rates: deliveryRates(totals) });

async function computeCampaignReport(
  workspaceId: string,
  campaignId: string,
  now: Date,
): Promise<Omit<CampaignReport, "currency">> {
  const info = (await loadCampaignInfo(workspaceId, [campaignId])).get(campaignId);
  if (!info) throw notFound("The campaign");
  // Since launch: a day before, so a send that started just before midnight UTC is included.
  const since = isoDay(new Date((info.launchedAt ?? info.createdAt).getTime() - 86_400_000));
  const until = isoDay(now);
  const span = { fromDay: since, toDay: until };
  const [byDims, series, personaRows, personas, skipReasons, topLinks] = await Promise.all([
    readMessageDaily<"variantId" | "channel">(workspaceId, span, ["variantId", "channel"], { campaignId }),
    readMessageDaily<"bucket" | "channel">(workspaceId, span, ["bucket", "channel"], { campaignId }),
    readMessageDaily<"personaId">(workspaceId, span, ["personaId"], { campaignId }),
    db.persona.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.$queryRaw<{ reason: string; count: number }[]>(skipReasonsSql(workspaceId, campaignId)),
    db.$queryRaw<{ url: string; clicks: number; clickers: number }[]>(topLinksSql(workspaceId, campaignId, 10)),
  ]);
  const regroup = (pick: (variant: string, channel: string) => string) => {
    const out = new Map<string, DeliveryTotals>();
    for (const row of byDims) {
      const k = pick(row.variantId, row.channel);
      out.set(k, addTotals(out.get(k) ?? { ...EMPTY_TOTALS }, totalsOf(row)));
    }
    return out;
  };
  const personaName = new Map(personas.map((p) => [p.id, p.name]));
  const total = byDims.map(totalsOf).reduce(addTotals, { ...EMPTY_TOTALS });
  // The series starts at the first day with data, not a day early.
  const firstDay = series.map((s) => s.bucket).sort()[0] ?? addDays(since, 1);
  return {
    campaign: {
      id: info.id,
      name: info.name,
      channel: info.channel,
      targeting: info.targeting,
      audience: info.audienceLabel,
      launchedAt: info.launchedAt?.toISOString() ?? null,
      goalEvent: info.goalEvent,
      attributionHours: info.attributionHours,
    },
    since,
    until,
    current: withRates(total),
    byVariant: [...regroup((v) => v)]
      .filter(([v]) => v !== "")
      .map(([variant, t]) => ({ variant, ...withRates(t) }))
      .sort((a, b) => a.variant.localeCompare(b.variant)),
    byChannel: [...regroup((_, c) => c)].map(([channel, t]) => ({ channel, ...withRates(t) })),
    byPersona: personaRows
      .map((r) => ({
        key: r.personaId || "none",
        label: r.personaId ? (personaName.get(r.personaId) ?? "Unknown persona") : "No persona",
        ...withRates(totalsOf(r)),
      }))
      .sort((a, b) => b.totals.delivered - a.totals.delivered),
    buckets: bucketsOf({ from: firstDay, to: until, days: 0 }, "day"),
    series: series.map((s) => ({
      bucket: s.bucket,
      channel: s.channel,
      sent: s.sent,
      delivered: s.delivered,
      opens: s.opens,
      clicks: s.clicks,
      conversions: s.conversions,
    })),
    skipReasons,
    topLinks,
  };
}

/** One campaign's report since its launch: funnel, variants, channels, personas, days, skips, links. */
export async function getCampaignReport(workspaceId: string, campaignId: string, now = new Date()) {
  // The currency is read apart from the cache: changing it is not new data.
  const [report, currency] = await Promise.all([
    cachedReport(workspaceId, "campaign", { campaignId, day: isoDay(now) }, () =>
      computeCampaignReport(workspaceId, campaignId, now),
    ),
    getWorkspaceCurrency(workspaceId),
  ]);
  return { ...report, currency };
}
