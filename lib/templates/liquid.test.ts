import { describe, expect, it } from "vitest";
import { checkVariables } from "./check-variables";
import { extractVariables } from "./extract-variables";
import { parseErrors } from "./parse-errors";
import { profileLiquidContext, type ProfileRow } from "./profile-context";
import { render } from "./render";

const catalog = { keys: ["email", "ltv", "traits.first_name", "traits.income"] };
const codes = (source: string, options: Partial<Parameters<typeof checkVariables>[1]> = {}) =>
  checkVariables(extractVariables(source), { ...catalog, ...options }).map((f) => f.code);

describe("Liquid parsing", () => {
  it("reports an unclosed tag with its line and column", () => {
    expect(parseErrors("Hello\n  {% if profile.ltv > 10 %}VIP")).toEqual([
      { message: expect.stringContaining("not closed"), line: 2, column: 3 },
    ]);
  });

  it("reports an unknown filter when parsing, not only when rendering", () => {
    expect(parseErrors("{{ profile.email | shout }}")[0]?.message).toBe("undefined filter: shout");
  });

  it("refuses includes so a template cannot read files", () => {
    expect(parseErrors("{% include 'secrets' %}")[0]?.message).toContain("not available");
  });

  it("finds nothing wrong in valid Liquid", () => {
    expect(parseErrors("{% for i in event.items %}{{ i.name | upcase }}{% endfor %}")).toEqual([]);
  });
});

describe("variable extraction", () => {
  it("tells a variable printed through default from one printed without", () => {
    const uses = extractVariables('Hi {{ profile.first_name | default: "there" }}, {{ profile.ltv }}');
    expect(uses.map((u) => [u.key, u.hasDefault, u.line, u.column])).toEqual([
      ["profile.first_name", true, 1, 7],
      ["profile.ltv", false, 1, 52],
    ]);
  });

  it("leaves out loop variables and marks variables only tested in a tag as not printed", () => {
    const uses = extractVariables(
      "{% if profile.ltv > 100 %}{% for i in event.items %}{{ i.name }}{% endfor %}{% endif %}",
    );
    expect(uses.map((u) => [u.path, u.printed])).toEqual([
      ["profile.ltv", false],
      ["event.items", false],
    ]);
  });
});

describe("variable checks against the catalog", () => {
  it("makes an unknown variable an error and suggests the profile path", () => {
    const [finding] = checkVariables(extractVariables("{{ first_name }}"), catalog);
    expect(finding).toMatchObject({ severity: "error", code: "liquid.unknown_variable", variable: "first_name" });
    expect(finding?.message).toContain("Did you mean profile.first_name?");
  });

  it("warns about a printed variable without a default and names its key", () => {
    expect(checkVariables(extractVariables("Hi {{ profile.first_name }}"), catalog)).toEqual([
      expect.objectContaining({ severity: "warning", code: "liquid.no_default", variable: "profile.first_name" }),
    ]);
  });

  it("accepts a variable with a default and one that is only tested", () => {
    expect(codes('{{ profile.first_name | default: "there" }}{% if profile.ltv > 5 %}!{% endif %}')).toEqual([]);
  });

  it("refuses a sensitive trait with the reason given", () => {
    const [finding] = checkVariables(extractVariables("{{ profile.income | default: 0 }}"), {
      ...catalog,
      flags: [{ key: "traits.income", flag: "sensitive", reason: "financial data" }],
    });
    expect(finding).toMatchObject({ severity: "error", code: "liquid.refused_trait" });
    expect(finding?.message).toContain("financial data");
  });

  it("allows event properties only in triggered sends", () => {
    expect(codes("{{ event.sku }}")).toEqual(["liquid.unknown_variable"]);
    expect(codes("{{ event.sku }}", { triggered: true })).toEqual([]);
  });

  it("knows the unsubscribe link as a system variable", () => {
    expect(codes("{{ unsubscribe_url }}")).toEqual([]);
  });
});

const row: ProfileRow = {
  email: "ana@example.com",
  phone: null,
  locale: "de-AT",
  timezone: null,
  country: "AT",
  city: "Wien",
  platform: null,
  traits: { first_name: "Ana", email: "spoof@example.com", income: 90000 },
  ordersCount: 3,
  ltv: "120.50",
  aov: null,
  lastPurchaseAt: new Date("2026-01-02T03:04:05Z"),
  firstSeenAt: null,
  lastSeenAt: null,
  favouriteCategory: "shoes",
  activeHour: 9,
};

describe("rendering", () => {
  it("fails strictly on a variable missing from the context, with its position", () => {
    expect(render("Hi\n{{ profile.nickname }}", { profile: {} })).toEqual({
      ok: false,
      problem: { message: "undefined variable: profile.nickname", line: 2, column: 4 },
    });
  });

  it("prints the default for a known trait the profile lacks", () => {
    const profile = profileLiquidContext({ ...row, traits: {} }, { knownTraits: ["traits.first_name"] });
    expect(render('Hi {{ profile.first_name | default: "there" }}', { profile })).toEqual({
      ok: true,
      output: "Hi there",
    });
  });

  it("puts custom traits beside first-class fields, which win on a clash", () => {
    const profile = profileLiquidContext(row);
    expect(render("{{ profile.first_name }} {{ profile.email }} {{ profile.ltv | plus: 1 }}", { profile })).toEqual({
      ok: true,
      output: "Ana ana@example.com 121.5",
    });
  });

  it("withholds refused traits from the context", () => {
    expect(profileLiquidContext(row, { withhold: ["traits.income"] })).not.toHaveProperty("income");
  });

  it("escapes printed values in HTML", () => {
    expect(render("<p>{{ profile.city }}</p>", { profile: { city: "<script>" } }, { escape: "html" })).toEqual({
      ok: true,
      output: "<p>&lt;script&gt;</p>",
    });
  });
});
