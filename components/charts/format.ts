// Numbers for humans: thousands separated, large counts compact, rates as percentages, durations in
// the largest unit that keeps them short. null (an undefined rate) reads "—".

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en");

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return Math.abs(n) >= 100_000 ? compact.format(n) : whole.format(Math.round(n));
}

export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  const pct = rate * 100;
  if (pct > 0 && pct < 0.1) return "<0.1%";
  return `${pct.toFixed(pct >= 10 || pct === 0 ? Math.min(digits, 1) : digits)}%`;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** A change vs the comparison period: rates in percentage points, counts and money relative. */
export function formatChange(
  current: number | null,
  previous: number | null,
  kind: "rate" | "relative",
): { text: string; direction: "up" | "down" | "flat" } | null {
  if (current === null || previous === null) return null;
  if (kind === "rate") {
    const pp = (current - previous) * 100;
    if (Math.abs(pp) < 0.05) return { text: "±0.0 pp", direction: "flat" };
    return { text: `${pp > 0 ? "+" : "−"}${Math.abs(pp).toFixed(1)} pp`, direction: pp > 0 ? "up" : "down" };
  }
  if (previous === 0) return current === 0 ? { text: "±0%", direction: "flat" } : null;
  const rel = ((current - previous) / Math.abs(previous)) * 100;
  return {
    text: `${rel > 0 ? "+" : rel < 0 ? "−" : "±"}${Math.abs(rel).toFixed(rel >= 10 || rel <= -10 ? 0 : 1)}%`,
    direction: Math.abs(rel) < 0.05 ? "flat" : rel > 0 ? "up" : "down",
  };
}

export const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
