import { estimateRate, type RateEstimate } from "./uncertainty";

/**
 * The metric definitions of docs/product.md "Reports" (the UI shows them as tooltips), and the one place
 * their formulas are computed. Reports are campaign-attributed (docs/reports.md): for the messages
 * sent in a range, what became of them, whenever it happened. Per-profile rates divide by the
 * profiles delivered ("recipients") in the same rows — every opener, clicker and converter counted
 * is one of them — and only over channels that can measure the stage. A rate with a zero denominator
 * is null ("—"), never NaN.
 */
export const METRIC_DEFINITIONS = {
  deliveryRate: {
    label: "Delivery rate",
    definition: "Delivery rate = delivered / sent (messages sent in the range).",
  },
  openRate: {
    label: "Open rate",
    definition:
      "Open rate = unique opens / delivered (profiles delivered on channels that measure opens: " +
      "e-mail, mobile push, in-app).",
  },
  ctr: {
    label: "CTR",
    definition:
      "CTR = unique clickers / delivered (per-user ratio over profiles delivered on channels with " +
      "tracked links; message-level CTR = clicks / delivered).",
  },
  messageCtr: {
    label: "Message-level CTR",
    definition: "Message-level CTR = clicks / delivered (messages on channels with tracked links).",
  },
  conversionRate: {
    label: "Conversion rate",
    definition:
      "Conversion rate = profiles with the goal event within the window after delivery (or " +
      "exposure) / profiles delivered (or exposed).",
  },
  unsubscribeRate: { label: "Unsubscribe rate", definition: "Unsubscribe rate = unsubscribes / delivered (messages)." },
  revenuePerRecipient: {
    label: "Revenue per recipient",
    definition: "Revenue per recipient = revenue in window / delivered (profiles delivered).",
  },
  retention: {
    label: "Retention",
    definition: "Retention(k) = profiles of a cohort active in period k / cohort size; period 0 is 100 %.",
  },
} as const;
export type MetricKey = keyof typeof METRIC_DEFINITIONS;

/**
 * Which channels can measure which stage. Opens need a pixel, an SDK or an inbox that reports an
 * impression (SMS, web push, messenger and webhooks have none); clicks need a tracked link (a
 * webhook has none). A stage a channel cannot measure shows "—" for it, and its recipients stay out
 * of that rate's denominator so they do not dilute it.
 */
export const CHANNELS_MEASURING = {
  opens: ["email", "push", "in_app"],
  clicks: ["email", "push", "web_push", "sms", "in_app", "messenger"],
} as const;
export const measures = (channel: string, stage: keyof typeof CHANNELS_MEASURING) =>
  (CHANNELS_MEASURING[stage] as readonly string[]).includes(channel);

/**
 * What a set of sends adds up to, all from the MessageDaily rollup. Message counts (sent … revenue)
 * count each message's events on the day the message was sent. Unique profiles count a profile once
 * per campaign, on the send day of its first delivered message: `recipients`, and of them those who
 * ever opened, clicked or converted (only on channels that measure the stage). The `…able…` fields
 * are the denominators restricted to channels that measure opens or clicks.
 */
export type DeliveryTotals = {
  sent: number;
  delivered: number;
  opens: number;
  clicks: number;
  conversions: number;
  unsubscribed: number;
  revenue: number;
  /** Distinct (campaign, profile) pairs delivered: a profile counts once per campaign it was delivered. */
  recipients: number;
  uniqueOpens: number;
  uniqueClickers: number;
  converters: number;
  openableRecipients: number;
  clickableRecipients: number;
  clickableDelivered: number;
};

export const EMPTY_TOTALS: DeliveryTotals = {
  sent: 0,
  delivered: 0,
  opens: 0,
  clicks: 0,
  conversions: 0,
  unsubscribed: 0,
  revenue: 0,
  recipients: 0,
  uniqueOpens: 0,
  uniqueClickers: 0,
  converters: 0,
  openableRecipients: 0,
  clickableRecipients: 0,
  clickableDelivered: 0,
};

export type RateKey = Exclude<MetricKey, "retention">;
export type ProportionKey = Exclude<RateKey, "revenuePerRecipient">;

/** Each rate's numerator and denominator, and what the denominator counts (for "n = …"). */
export const RATE_PARTS: Record<
  RateKey,
  { numerator: keyof DeliveryTotals; denominator: keyof DeliveryTotals; unit: "messages" | "profiles" }
> = {
  deliveryRate: { numerator: "delivered", denominator: "sent", unit: "messages" },
  openRate: { numerator: "uniqueOpens", denominator: "openableRecipients", unit: "profiles" },
  ctr: { numerator: "uniqueClickers", denominator: "clickableRecipients", unit: "profiles" },
  messageCtr: { numerator: "clicks", denominator: "clickableDelivered", unit: "messages" },
  conversionRate: { numerator: "converters", denominator: "recipients", unit: "profiles" },
  unsubscribeRate: { numerator: "unsubscribed", denominator: "delivered", unit: "messages" },
  revenuePerRecipient: { numerator: "revenue", denominator: "recipients", unit: "profiles" },
};

export type DeliveryRates = Record<RateKey, number | null>;

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function deliveryRates(t: DeliveryTotals): DeliveryRates {
  const out = {} as DeliveryRates;
  for (const [key, parts] of Object.entries(RATE_PARTS) as [RateKey, (typeof RATE_PARTS)[RateKey]][])
    out[key] = ratio(t[parts.numerator], t[parts.denominator]);
  return out;
}

/** A proportion of a row with its n, 95 % Wilson interval and whether n is too small to draw it. */
export const rateEstimate = (t: DeliveryTotals, key: ProportionKey): RateEstimate =>
  estimateRate(t[RATE_PARTS[key].numerator], t[RATE_PARTS[key].denominator]);

export function addTotals(a: DeliveryTotals, b: DeliveryTotals): DeliveryTotals {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof DeliveryTotals)[]) out[key] = a[key] + b[key];
  return out;
}
