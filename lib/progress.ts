// Progress lines of long work (the seed, rebuilds, persona checks): durations people read.

/** "42 s" or "3 min 5 s". */
export const seconds = (ms: number) =>
  ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/** The time left when `share` (0–1) of the work took `elapsedMs`, at the same pace. */
export const timeToGo = (elapsedMs: number, share: number) => seconds((elapsedMs / share) * (1 - share));
