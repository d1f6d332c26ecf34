import { describe, expect, it } from "vitest";
import { heatFill, heatText } from "./palette";

const rgb = (css: string) => css.match(/\d+/g)!.map(Number);
const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: number[]) => 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("retention heat map colours", () => {
  it("keep every cell's text at WCAG AA contrast (4.5 : 1) for any share", () => {
    for (let share = 0; share <= 1.0001; share += 0.01) {
      const text = heatText(share) === "#ffffff" ? [255, 255, 255] : [0, 0, 0];
      expect(contrast(rgb(heatFill(share)), text), `share ${share.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("darken as the share grows", () => {
    expect(luminance(rgb(heatFill(0.9)))).toBeLessThan(luminance(rgb(heatFill(0.1))));
  });
});
