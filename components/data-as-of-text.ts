import { PENDING_COUNT_CAP } from "@/lib/profiles";

/** The fields of GET /api/ingest/status, as JSON. */
export type DataAsOfJson = { asOf: string; lagMs: number; pending: number; oldestPendingAt: string | null };

/** "14:03:12 UTC": the time of day, in UTC like every timestamp of the dashboard. */
export const clockUtc = (iso: string) => `${iso.slice(11, 19)} UTC`;

/** "2 s", "3 min", "2 h", "3 days": how far behind, coarse past a minute. */
export function formatLag(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** "1.2K", or "100K+" past the count's cap (the status counts no further). */
export const formatPending = (pending: number) =>
  pending > PENDING_COUNT_CAP ? `${compact.format(PENDING_COUNT_CAP)}+` : compact.format(pending);

/** "Data as of 14:03:12 UTC · 2 s behind · 1.2K pending", or "Data up to date · 14:03:12 UTC". */
export function freshnessText(data: DataAsOfJson): string {
  if (data.pending === 0) return `Data up to date · ${clockUtc(data.asOf)}`;
  const behind = `${formatLag(data.lagMs)} behind`;
  return `Data as of ${clockUtc(data.asOf)} · ${behind} · ${formatPending(data.pending)} pending`;
}
