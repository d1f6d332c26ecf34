/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency, readable on the
 * light and the dark theme (its black is swapped for grey). Series also get a dash pattern, so
 * colour is never the only signal (STYLE.md).
 */
export const SERIES_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#999999",
  "#F0E442",
] as const;
export const SERIES_DASHES = ["0", "6 3", "2 3", "8 3 2 3", "4 2", "1 2", "10 4", "3 6"] as const;

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
export const seriesDash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length]!;

// Sequential heat-map colours for a share 0…1: solid, from a pale blue to a deep one, so a cell looks
// the same on either theme and its text colour can be chosen for contrast (a translucent fill over
// white left white text at 4.2 : 1, under WCAG's 4.5 : 1 for small text).
const HEAT_LOW = [230, 241, 248] as const;
const HEAT_HIGH = [0, 79, 124] as const;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const heatRgb = (share: number) => HEAT_LOW.map((low, i) => Math.round(low + (HEAT_HIGH[i]! - low) * clamp01(share)));
const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
/** WCAG relative luminance of an sRGB colour. */
const luminance = ([r, g, b]: number[]) => 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);

export const heatFill = (share: number) => `rgb(${heatRgb(share).join(", ")})`;
/** White or black, whichever contrasts more with the cell's fill: one of them always reaches 4.58 : 1. */
export const heatText = (share: number) => {
  const l = luminance(heatRgb(share));
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#000000";
};

export const TOOLTIP_STYLE = {
  background: "var(--color-popover)",
  color: "var(--color-popover-foreground)",
  border: "1px solid var(--color-border)",
  borderRadius: 6,
  fontSize: 12,
} as const;
export const AXIS_PROPS = { tick: { fontSize: 11 }, stroke: "var(--color-muted-foreground)" } as const;
