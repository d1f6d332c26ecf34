import { CHANNEL_INFO, CHANNELS, type Channel } from "@/lib/profiles/channels";
import type { AudienceStats, Distribution } from "./evaluate-assumptions";
import { LTV_BUCKET_LABELS, ORDER_BUCKET_LABELS } from "./buckets";

/** `count` of `of`: a share of the audience, or (for response rates) opens or clicks of delivered. */
export type Figure = { count: number; of: number; ratio: number | null };
export type ComparedRow = { value: string; label: string; a: Figure | null; b: Figure | null };
export type ComparedDimension = {
  key: string;
  title: string;
  valueHeader: string;
  measure: string;
  rows: ComparedRow[];
};

const MAX_COUNTRIES = 7;
const PLATFORM_LABELS: Record<string, string> = { ios: "iOS", android: "Android", web: "Web" };
const UNKNOWN = "__unknown";

function countryLabel(code: string): string {
  try {
    const name = /^[A-Z]{2}$/.test(code) ? new Intl.DisplayNames(["en"], { type: "region" }).of(code) : undefined;
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

const share = (stats: AudienceStats | null, list: Distribution | undefined, value: string): Figure | null => {
  if (!stats) return null;
  const count = list?.find((d) => (d.value ?? UNKNOWN) === value)?.profiles ?? 0;
  return { count, of: stats.size, ratio: stats.size > 0 ? count / stats.size : null };
};

/**
 * One dimension of both audiences as shares of each persona's own audience (they differ in size,
 * so counts alone would compare the segments, not the people). Profiles with no value are a row
 * of their own, so each column sums to 100 %.
 */
function shares(
  a: AudienceStats | null,
  b: AudienceStats | null,
  key: "platform" | "country" | "ltv" | "ordersCount" | "activeHour",
  order: (values: string[]) => string[],
  label: (value: string) => string,
) {
  const values = new Set<string>();
  for (const stats of [a, b]) for (const d of stats?.distributions[key] ?? []) values.add(d.value ?? UNKNOWN);
  const known = order([...values].filter((v) => v !== UNKNOWN));
  const all = values.has(UNKNOWN) ? [...known, UNKNOWN] : known;
  return all.map((value): ComparedRow => ({
    value,
    label: value === UNKNOWN ? "Unknown" : label(value),
    a: share(a, a?.distributions[key], value),
    b: share(b, b?.distributions[key], value),
  }));
}

const byLargestShare =
  (a: AudienceStats | null, b: AudienceStats | null, key: "platform" | "country") => (values: string[]) => {
    const top = (value: string) =>
      Math.max(
        ...[a, b].map((s) =>
          s && s.size > 0 ? (s.distributions[key].find((d) => d.value === value)?.profiles ?? 0) / s.size : 0,
        ),
      );
    return values.toSorted((x, y) => top(y) - top(x) || x.localeCompare(y));
  };
const inOrder = (known: string[]) => (values: string[]) =>
  values.toSorted((x, y) => (known.indexOf(x) + 1 || Infinity) - (known.indexOf(y) + 1 || Infinity));

/** The most common countries of either audience; the rest are summed into one row. */
function countries(a: AudienceStats | null, b: AudienceStats | null): ComparedRow[] {
  const rows = shares(a, b, "country", byLargestShare(a, b, "country"), countryLabel);
  const known = rows.filter((r) => r.value !== UNKNOWN);
  if (known.length <= MAX_COUNTRIES + 1) return rows;
  const rest = known.slice(MAX_COUNTRIES);
  const sum = (pick: (r: ComparedRow) => Figure | null): Figure | null => {
    const figures = rest.map(pick);
    if (figures.some((f) => f === null)) return null;
    const count = figures.reduce((total, f) => total + f!.count, 0);
    const of = figures[0]!.of;
    return { count, of, ratio: of > 0 ? count / of : null };
  };
  const other: ComparedRow = {
    value: "__other",
    label: `${rest.length} other countries`,
    a: sum((r) => r.a),
    b: sum((r) => r.b),
  };
  return [...known.slice(0, MAX_COUNTRIES), other, ...rows.filter((r) => r.value === UNKNOWN)];
}

/** Open or click rate per channel (unique opens or clicks / delivered, as docs/product.md defines them). */
function rates(a: AudienceStats | null, b: AudienceStats | null, rate: "opened" | "clicked"): ComparedRow[] {
  const used = CHANNELS.filter((c) =>
    [a, b].some((s) => (s?.channels.find((r) => r.channel === c)?.delivered ?? 0) > 0),
  );
  const figure = (stats: AudienceStats | null, channel: Channel): Figure | null => {
    if (!stats) return null;
    const row = stats.channels.find((r) => r.channel === channel);
    const of = row?.delivered ?? 0;
    const count = row?.[rate] ?? 0;
    return { count, of, ratio: of > 0 ? count / of : null };
  };
  return used.map((channel) => ({
    value: channel,
    label: CHANNEL_INFO[channel].label,
    a: figure(a, channel),
    b: figure(b, channel),
  }));
}

/** Every distribution the compare page charts, both personas in each; `null` stats = no segment bound. */
export function compareAudiences(a: AudienceStats | null, b: AudienceStats | null): ComparedDimension[] {
  const profiles = "Share of each persona's own audience.";
  return [
    {
      key: "platform",
      title: "Platform",
      valueHeader: "Platform",
      measure: profiles,
      rows: shares(a, b, "platform", byLargestShare(a, b, "platform"), (v) => PLATFORM_LABELS[v] ?? v),
    },
    { key: "country", title: "Country", valueHeader: "Country", measure: profiles, rows: countries(a, b) },
    {
      key: "ltv",
      title: "Lifetime value",
      valueHeader: "Lifetime value",
      measure: profiles,
      rows: shares(a, b, "ltv", inOrder(LTV_BUCKET_LABELS), (v) => v),
    },
    {
      key: "ordersCount",
      title: "Orders",
      valueHeader: "Orders",
      measure: profiles,
      rows: shares(a, b, "ordersCount", inOrder(ORDER_BUCKET_LABELS), (v) => v),
    },
    {
      key: "activeHour",
      title: "Most active hour (local time)",
      valueHeader: "Hour (local time)",
      measure: profiles,
      rows: shares(
        a,
        b,
        "activeHour",
        (values) => values.toSorted((x, y) => Number(x) - Number(y)),
        (v) => `${v.padStart(2, "0")} h`,
      ),
    },
    {
      key: "openRate",
      title: "Open rate by channel",
      valueHeader: "Channel",
      measure: "Unique opens of delivered messages, per channel.",
      rows: rates(a, b, "opened"),
    },
    {
      key: "clickRate",
      title: "Click rate by channel",
      valueHeader: "Channel",
      measure: "Unique clicks of delivered messages, per channel.",
      rows: rates(a, b, "clicked"),
    },
  ];
}
