import { describe, expect, it } from "vitest";
import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { channelShape } from "./channel-shape";
import { lineDiff } from "./line-diff";
import { sideBySide } from "./side-by-side";

describe("sideBySide", () => {
  it("puts a changed line across from its replacement and leaves gaps for pure additions", () => {
    const rows = sideBySide(lineDiff("a\nb\nc", "a\nB\nc\nd"));
    expect(rows.map((r) => (r.kind === "line" ? [r.left?.op ?? null, r.right?.op ?? null] : "skip"))).toEqual([
      ["equal", "equal"],
      ["remove", "add"],
      ["equal", "equal"],
      [null, "add"],
    ]);
  });

  it("collapses unchanged lines far from a change", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const rows = sideBySide(lineDiff(before, before.replace("line 10", "LINE 10")), 2);
    expect(rows[0]).toEqual({ kind: "skip", count: 8 });
    expect(rows.at(-1)).toEqual({ kind: "skip", count: 7 });
    expect(rows.filter((r) => r.kind === "line")).toHaveLength(5);
  });
});

describe("channelShape", () => {
  it("reads the fields from the spec", () => {
    expect(channelShape(CHANNEL_SPECS.sms)).toBe("Message (up to 1,600 characters).");
    expect(channelShape(CHANNEL_SPECS.email)).toBe(
      "Subject and body; optional from name, preheader and plain-text part.",
    );
    expect(channelShape(CHANNEL_SPECS.webhook)).toBe("Endpoint URL and JSON payload.");
  });
});
