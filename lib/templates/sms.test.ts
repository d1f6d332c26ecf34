import { describe, expect, it } from "vitest";
import { analyzeSms } from "./sms";

const a = (n: number) => "a".repeat(n);

// Expectations worked out from TS 23.038 / 23.040 by hand: 160/153 septets, 70/67 UTF-16 units,
// extension characters two septets, emoji two units, no escape or surrogate pair cut in half.
describe("SMS encoding and parts", () => {
  it.each([
    ["plain ASCII", "Hello, your order shipped!", "GSM-7", 26, 1],
    ["GSM letters with accents stay GSM-7", "Björk & Ærø Åland", "GSM-7", 17, 1],
    ["an accent GSM lacks forces UCS-2", "Ñandú", "UCS-2", 5, 1],
    ["extension characters count two septets each", "€ [ ] { }", "GSM-7", 14, 1],
    ["a Russian sentence is UCS-2", "Привет, как дела?", "UCS-2", 17, 1],
    ["an emoji is two UTF-16 units", "Sale 🎉", "UCS-2", 7, 1],
    ["exactly 160 GSM septets fit one part", a(160), "GSM-7", 160, 1],
    ["161 GSM septets need two parts", a(161), "GSM-7", 161, 2],
    ["80 euro signs are 160 septets, one part", "€".repeat(80), "GSM-7", 160, 1],
    ["81 euro signs are 162 septets, two parts", "€".repeat(81), "GSM-7", 162, 2],
    ["306 septets are exactly two parts of 153", a(306), "GSM-7", 306, 2],
    ["307 septets need a third part", a(307), "GSM-7", 307, 3],
    ["exactly 70 UCS-2 units fit one part", "ж".repeat(70), "UCS-2", 70, 1],
    ["71 UCS-2 units need two parts", "ж".repeat(71), "UCS-2", 71, 2],
    ["135 Cyrillic letters need three parts of 67", "ж".repeat(135), "UCS-2", 135, 3],
    ["35 emoji are 70 units, one part", "😀".repeat(35), "UCS-2", 70, 1],
  ])("%s", (_name, text, encoding, units, parts) => {
    const result = analyzeSms(text);
    expect(result.encoding).toBe(encoding);
    expect(result.units).toBe(units);
    expect(result.parts).toHaveLength(parts);
  });

  it("treats an empty message as no parts", () => {
    expect(analyzeSms("")).toMatchObject({ encoding: "GSM-7", units: 0, parts: [] });
  });

  it("moves an extension character that would straddle the 153rd septet into the next part", () => {
    // 152 + 2 + 152 = 306 septets, but the € cannot start at septet 153: parts of 152, 153 and 1.
    const result = analyzeSms(a(152) + "€" + a(152));
    expect(result.units).toBe(306);
    expect(result.parts).toEqual([a(152), "€" + a(151), "a"]);
  });

  it("keeps both halves of an emoji in one part", () => {
    // 36 emoji = 72 units: a part holds 33 whole emoji (66 units), the 34th does not fit in 67.
    const result = analyzeSms("😀".repeat(36));
    expect(result.parts.map((p) => Array.from(p).length)).toEqual([33, 3]);
  });

  it("counts parts from the real cut when a surrogate pair meets the 67-unit boundary", () => {
    // 66 + 2 + 66 = 134 units would divide into two parts, but the emoji cannot take unit 67.
    expect(analyzeSms(a(66) + "😀" + a(66)).parts).toEqual([a(66), "😀" + a(65), "a"]);
  });

  it("reports how many units are left in the last part", () => {
    expect(analyzeSms(a(161)).remaining).toBe(153 - 8);
    expect(analyzeSms("ж".repeat(10)).remaining).toBe(60);
  });

  it("lists the characters that forced UCS-2 with their UTF-16 indices", () => {
    expect(analyzeSms("Hi ж 🎉!").ucs2Chars).toEqual([
      { char: "ж", index: 3 },
      { char: "🎉", index: 5 },
    ]);
  });

  it("treats a lowercase c-cedilla as UCS-2 because GSM 03.38 only has the capital", () => {
    expect(analyzeSms("ça").encoding).toBe("UCS-2");
    expect(analyzeSms("Ça").encoding).toBe("GSM-7");
  });

  it("counts a form feed as an extension character", () => {
    expect(analyzeSms("a\fb").units).toBe(4);
  });
});
