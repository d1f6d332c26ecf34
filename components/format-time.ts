/** "2026-11-23 06:02 UTC": one unambiguous format for timestamps across the dashboard. */
export function formatUtc(iso: string | null | undefined, fallback = "—"): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : fallback;
}
