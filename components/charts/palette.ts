/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency, readable on the
 * light and the dark theme (its black is swapped for grey). Series also get a dash pattern, so
 * colour is never the only signal (STYLE.md).
 */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#F0E442"] as const;
export const SERIES_DASHES = ["0", "6 3", "2 3", "8 3 2 3", "4 2", "1 2", "10 4", "3 6"] as const;

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
export const seriesDash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length]!;

/** Sequential heat-map fill for a share 0…1 (blue, more opaque = higher); text flips to white past half. */
export const heatFill = (share: number) => `rgba(0, 114, 178, ${(0.08 + 0.8 * Math.max(0, Math.min(1, share))).toFixed(3)})`;
export const heatText = (share: number) => (share > 0.5 ? "#ffffff" : undefined);

export const TOOLTIP_STYLE = { background: "var(--color-popover)", color: "var(--color-popover-foreground)", border: "1px solid var(--color-border)", borderRadius: 6, fontSize: 12 } as const;
export const AXIS_PROPS = { tick: { fontSize: 11 }, stroke: "var(--color-muted-foreground)" } as const;
