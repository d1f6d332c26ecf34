import { describe, expect, it } from "vitest";
import { formatShare, withCoverage } from "./coverage-findings";
import { diffContent } from "./diff-content";
import type { Finding } from "./finding";
import type { TemplateContent } from "./schema";

const push = (locales: Record<string, object>) => ({ channel: "push", locales }) as TemplateContent;

describe("diffContent", () => {
  it("lists only what differs: a changed field, an added locale, a removed field", () => {
    const a = push({ default: { title: "Sale", body: "Line 1\nLine 2", url: "acme://x" } });
    const b = push({ default: { title: "Sale", body: "Line 1\nLine two" }, de: { title: "Rabatt" } });
    expect(diffContent(a, b)).toEqual([
      {
        locale: "default",
        change: "changed",
        fields: [
          {
            field: "body",
            change: "changed",
            kind: "text",
            lines: [
              { op: "equal", text: "Line 1", a: 1, b: 1 },
              { op: "remove", text: "Line 2", a: 2 },
              { op: "add", text: "Line two", b: 2 },
            ],
          },
          { field: "url", change: "removed", kind: "text", lines: [{ op: "remove", text: "acme://x", a: 1 }] },
        ],
      },
      {
        locale: "de",
        change: "added",
        fields: [{ field: "title", change: "added", kind: "text", lines: [{ op: "add", text: "Rabatt", b: 1 }] }],
      },
    ]);
    expect(diffContent(a, a)).toEqual([]);
  });

  it("diffs structured fields as indented JSON", () => {
    const a = {
      channel: "web_push",
      locales: { default: { title: "t", body: "b", url: "https://x", actions: [{ label: "Go", url: "https://x" }] } },
    } as TemplateContent;
    const b = {
      channel: "web_push",
      locales: { default: { title: "t", body: "b", url: "https://x", actions: [{ label: "Shop", url: "https://x" }] } },
    } as TemplateContent;
    const [only] = diffContent(a, b);
    expect(only!.fields).toHaveLength(1);
    expect(only!.fields[0]).toMatchObject({ field: "actions", kind: "json" });
    expect(only!.fields[0]!.lines.filter((l) => l.op !== "equal").map((l) => l.text.trim())).toEqual([
      '"label": "Go",',
      '"label": "Shop",',
    ]);
  });
});

describe("coverage in findings", () => {
  it("never rounds a few to 0 % or all but a few to 100 %", () => {
    expect(formatShare(0.6)).toBe("60 %");
    expect(formatShare(2 / 3)).toBe("67 %");
    expect(formatShare(0.001)).toBe("< 1 %");
    expect(formatShare(0.999)).toBe("> 99 %");
    expect([formatShare(0), formatShare(1)]).toEqual(["0 %", "100 %"]);
  });

  it("puts the figure on no-default warnings of known keys only", () => {
    const findings: Finding[] = [
      { severity: "warning", code: "liquid.no_default", field: "body", variable: "profile.first_name", message: "x" },
      { severity: "error", code: "liquid.unknown_variable", field: "body", variable: "profile.nope", message: "y" },
    ];
    const coverage = new Map([
      ["traits.first_name", { key: "traits.first_name", withValue: 0, total: 0, share: null, of: "audience" as const }],
    ]);
    const [warning, error] = withCoverage(findings, coverage, ["email", "traits.first_name"]);
    expect(warning!.message).toContain("the audience is empty");
    expect(warning!.coverage).toMatchObject({ total: 0 });
    expect(error).toBe(findings[1]);
  });
});
