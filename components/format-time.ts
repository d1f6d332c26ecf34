/** "2026-11-23 06:02 UTC": one unambiguous format for timestamps across the dashboard. */
export function formatUtc(iso: string | null | undefined, fallback = "—"): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : fallback;
}

/** "Dec 1, 2026": a calendar day (UTC), for dates where the time of day does not matter. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * "just now", "5 min ago", "3 h ago", "2 days ago"; past a month the UTC date. For recent edits, where the age matters
 * more than the minute.
 */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 31) return `${days} day${days === 1 ? "" : "s"} ago`;
  return `on ${iso.slice(0, 10)}`;
}
