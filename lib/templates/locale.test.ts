import { describe, expect, it } from "vitest";
import { completenessMatrix, localeChain, resolveLocale } from "./locale";
import { templateContentSchema } from "./schema";

const push = templateContentSchema.parse({
  channel: "push",
  locales: {
    default: { title: "Sale", body: "Everything 20% off", url: "https://shop.example/sale" },
    de: { title: "Ausverkauf", body: "Alles 20 % günstiger" },
    "de-AT": { title: "Abverkauf" },
  },
});

describe("locale fallback", () => {
  it("falls back from de-AT to de to default", () => {
    expect(localeChain("de-AT", ["default", "de", "de-AT"])).toEqual(["de-AT", "de", "default"]);
  });

  it("matches case-insensitively and accepts underscores and POSIX suffixes", () => {
    expect(localeChain("DE_at.UTF-8", ["default", "de", "de-AT"])).toEqual(["de-AT", "de", "default"]);
  });

  it("reads default for an unknown locale", () => {
    expect(resolveLocale(push, "fr-FR").content).toMatchObject({ title: "Sale" });
  });

  it("reads default for a profile without a locale or with a malformed one", () => {
    expect(localeChain(null, ["default", "de"])).toEqual(["default"]);
    expect(localeChain("123", ["default", "de"])).toEqual(["default"]);
  });

  it("takes each field from the nearest locale that defines it", () => {
    const resolved = resolveLocale(push, "de-AT");
    expect(resolved.content).toEqual({
      title: "Abverkauf",
      body: "Alles 20 % günstiger",
      url: "https://shop.example/sale",
    });
    expect(resolved.from).toEqual({ title: "de-AT", body: "de", url: "default" });
  });

  it("skips a missing middle locale", () => {
    expect(localeChain("de-CH", ["default", "de", "de-AT"])).toEqual(["de", "default"]);
  });

  it("shows which locales define which fields", () => {
    const rows = completenessMatrix(push);
    expect(rows.map((r) => r.locale)).toEqual(["default", "de", "de-AT"]);
    expect(rows[2]!.fields.title).toEqual({ defined: true, from: "de-AT" });
    expect(rows[2]!.fields.body).toEqual({ defined: false, from: "de" });
    expect(rows[2]!.inherited).toEqual(["body", "url"]);
    expect(rows[0]!.fields.imageUrl).toEqual({ defined: false, from: null });
  });
});

describe("template content schema", () => {
  const parse = (content: unknown) => templateContentSchema.safeParse(content);
  const firstIssue = (content: unknown) => {
    const result = parse(content);
    return result.success
      ? null
      : { path: result.error.issues[0]!.path.join("."), message: result.error.issues[0]!.message };
  };

  it("requires the default locale's required fields and names the field", () => {
    expect(firstIssue({ channel: "sms", locales: { default: { body: " " } } })).toEqual({
      path: "locales.default.body",
      message: "Fill in the message.",
    });
  });

  it("lets a locale define only some fields", () => {
    expect(parse({ channel: "push", locales: { default: { title: "a", body: "b" }, fr: { body: "c" } } }).success).toBe(
      true,
    );
  });

  it("refuses a locale key that is not a canonical BCP-47 tag and suggests one", () => {
    expect(firstIssue({ channel: "sms", locales: { default: { body: "x" }, de_at: { body: "y" } } })).toEqual({
      path: "locales.de_at",
      message: expect.stringContaining("here de-AT"),
    });
  });

  it("refuses fields the channel does not have", () => {
    expect(firstIssue({ channel: "sms", locales: { default: { body: "x", title: "y" } } })?.path).toBe(
      "locales.default",
    );
  });
});
