/** Size snapshots → one size per UTC day (the day's last snapshot), oldest first. Input sorted by time. */
export function dailyTrend(snapshots: readonly { at: Date; size: number }[]): { day: string; size: number }[] {
  const days = new Map<string, number>();
  for (const s of snapshots) days.set(s.at.toISOString().slice(0, 10), s.size);
  return [...days].map(([day, size]) => ({ day, size }));
}
