/**
 * The metric definitions of PRODUCT.md "Reports", word for word (the UI shows them as tooltips), and
 * the one place their formulas are computed. A rate with a zero denominator is null, never NaN.
 */
export const METRIC_DEFINITIONS = {
  deliveryRate: { label: "Delivery rate", definition: "Delivery rate = delivered / sent." },
  openRate: { label: "Open rate", definition: "Open rate = unique opens / delivered." },
  ctr: { label: "CTR", definition: "CTR = unique clickers / delivered (per-user ratio; message-level CTR = clicks / delivered)." },
  messageCtr: { label: "Message-level CTR", definition: "Message-level CTR = clicks / delivered." },
  conversionRate: {
    label: "Conversion rate",
    definition: "Conversion rate = profiles with the goal event within the window after delivery (or exposure) / profiles delivered (or exposed).",
  },
  unsubscribeRate: { label: "Unsubscribe rate", definition: "Unsubscribe rate = unsubscribes / delivered." },
  revenuePerRecipient: { label: "Revenue per recipient", definition: "Revenue per recipient = revenue in window / delivered." },
  retention: { label: "Retention", definition: "Retention(k) = profiles of a cohort active in period k / cohort size; period 0 is 100 %." },
} as const;
export type MetricKey = keyof typeof METRIC_DEFINITIONS;

/**
 * What a set of sends adds up to, all from the MessageDaily rollup: counts of messages, and unique
 * profiles counted per campaign on the day of each profile's first event of the stage — a person who
 * clicks on two days is one clicker, so sums over days and ranges stay exact (docs/reports.md).
 */
export type DeliveryTotals = {
  sent: number;
  delivered: number;
  opens: number;
  clicks: number;
  conversions: number;
  unsubscribed: number;
  revenue: number;
  /** Distinct (campaign, profile) pairs: a profile counts once per campaign it was delivered, opened, … */
  recipients: number;
  uniqueOpens: number;
  uniqueClickers: number;
  converters: number;
};

export const EMPTY_TOTALS: DeliveryTotals = { sent: 0, delivered: 0, opens: 0, clicks: 0, conversions: 0, unsubscribed: 0, revenue: 0, recipients: 0, uniqueOpens: 0, uniqueClickers: 0, converters: 0 };

export type DeliveryRates = Record<Exclude<MetricKey, "retention">, number | null>;

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function deliveryRates(t: DeliveryTotals): DeliveryRates {
  return {
    deliveryRate: ratio(t.delivered, t.sent),
    openRate: ratio(t.uniqueOpens, t.delivered),
    ctr: ratio(t.uniqueClickers, t.delivered),
    messageCtr: ratio(t.clicks, t.delivered),
    conversionRate: ratio(t.converters, t.recipients),
    unsubscribeRate: ratio(t.unsubscribed, t.delivered),
    revenuePerRecipient: ratio(t.revenue, t.delivered),
  };
}

export function addTotals(a: DeliveryTotals, b: DeliveryTotals): DeliveryTotals {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof DeliveryTotals)[]) out[key] = a[key] + b[key];
  return out;
}
