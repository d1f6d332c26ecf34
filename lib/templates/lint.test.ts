import { describe, expect, it } from "vitest";
import type { Finding } from "./finding";
import { lintContent, lintTemplate } from "./lint";
import type { LintOptions } from "./lint-text";
import { templateContentSchema, type ChannelContent, type EmailBlock } from "./schema";

const options: LintOptions = {
  catalog: {
    keys: ["email", "ltv", "traits.first_name", "traits.health"],
    flags: [{ key: "traits.health", flag: "inferred", reason: "inferred from purchases" }],
  },
};
const sms = (body: string, o: LintOptions = options) => lintContent({ channel: "sms", content: { body } }, o);
const push = (content: ChannelContent<"push">) => lintContent({ channel: "push", content }, options);
const footer: EmailBlock = { type: "footer", text: "Tailor GmbH", unsubscribeLabel: "Unsubscribe" };
const email = (blocks: EmailBlock[], extra: Partial<ChannelContent<"email">> = {}) =>
  lintContent(
    { channel: "email", content: { subject: "News", body: { format: "blocks", blocks }, ...extra } },
    options,
  );
const byCode = (findings: Finding[], code: Finding["code"]) => findings.filter((f) => f.code === code);
const STOP = " Reply STOP to opt out.";

describe("Liquid findings", () => {
  it("reports broken Liquid as an error with line and column", async () => {
    expect(byCode(await sms(`Hi\n{{ profile.first_name ${STOP}`), "liquid.syntax")).toEqual([
      expect.objectContaining({ severity: "error", field: "body", line: 2, column: 1 }),
    ]);
  });

  it("reports a variable missing from the catalog as an error", async () => {
    expect(byCode(await sms(`{{ profile.nickname }}${STOP}`), "liquid.unknown_variable")).toEqual([
      expect.objectContaining({ severity: "error", variable: "profile.nickname" }),
    ]);
  });

  it("warns about a variable without a default", async () => {
    expect(byCode(await sms(`Hi {{ profile.first_name }}${STOP}`), "liquid.no_default")).toEqual([
      expect.objectContaining({ severity: "warning", variable: "profile.first_name", column: 7 }),
    ]);
  });

  it("refuses an inferred trait as an error", async () => {
    expect(
      byCode(await sms(`{{ profile.health | default: "" }}${STOP}`), "liquid.refused_trait")[0]?.message,
    ).toContain("inferred from purchases");
  });

  it("reports a field that does not render for the sample", async () => {
    const findings = await sms(`Hi {{ profile.first_name }}${STOP}`, { ...options, sample: { profile: { ltv: 5 } } });
    expect(byCode(findings, "liquid.render_failed")).toEqual([
      expect.objectContaining({ severity: "error", line: 1, column: 7 }),
    ]);
  });
});

describe("SMS findings", () => {
  it("gives the encoding and part count as info", async () => {
    expect(byCode(await sms(`Hello${STOP}`), "sms.encoding")).toEqual([
      expect.objectContaining({
        severity: "info",
        count: 1,
        sms: expect.objectContaining({ encoding: "GSM-7", units: 28 }),
      }),
    ]);
  });

  it("warns about more than one part and lists the characters that forced UCS-2", async () => {
    const [finding] = byCode(await sms(`${"Привет ".repeat(10)}${STOP}`), "sms.multipart");
    expect(finding).toMatchObject({ severity: "warning", count: 2 });
    expect(finding?.sms?.ucs2Chars[0]).toEqual({ char: "П", index: 0 });
  });

  it("warns when there is no opt-out instruction", async () => {
    expect(byCode(await sms("Sale today"), "sms.opt_out_missing")).toHaveLength(1);
    expect(byCode(await sms("Sale today. Stop? Reply STOP."), "sms.opt_out_missing")).toHaveLength(0);
  });

  it("measures the rendered sample instead of the source when given one", async () => {
    const sample = { profile: { first_name: "Ж" } };
    const [finding] = byCode(
      await sms(`Hi {{ profile.first_name | default: "you" }}${STOP}`, { ...options, sample }),
      "sms.encoding",
    );
    expect(finding).toMatchObject({ basis: "sample", sms: { encoding: "UCS-2" } });
  });
});

describe("field findings", () => {
  it("warns with the visible cut-off when a push title is longer than iOS shows", async () => {
    const title = "Your order has shipped and will arrive on Thursday!!";
    const [ios] = byCode(await push({ title, body: "On its way" }), "field.truncated");
    expect(ios).toMatchObject({
      severity: "warning",
      field: "title",
      surface: "ios",
      visible: { limit: 50, shown: title.slice(0, 50), hidden: "!!" },
    });
  });

  it("errors past a field's hard limit", async () => {
    expect(byCode(await push({ title: "t".repeat(201), body: "b" }), "field.too_long")).toEqual([
      expect.objectContaining({ severity: "error", field: "title", count: 201 }),
    ]);
  });

  it("warns when an e-mail subject is longer than 60 characters", async () => {
    expect(byCode(await email([footer], { subject: "s".repeat(61) }), "field.too_long")).toEqual([
      expect.objectContaining({ severity: "warning", field: "subject" }),
    ]);
  });

  it("warns when a preheader is longer than 100 characters", async () => {
    expect(byCode(await email([footer], { preheader: "p".repeat(101) }), "field.too_long")).toEqual([
      expect.objectContaining({ severity: "warning", field: "preheader" }),
    ]);
  });

  it("errors on a third web push action", async () => {
    const actions = [1, 2, 3].map((n) => ({ label: `A${n}`, url: `https://shop.example/${n}` }));
    const findings = await lintContent(
      { channel: "web_push", content: { title: "t", body: "b", url: "https://shop.example", actions } },
      options,
    );
    expect(byCode(findings, "field.too_many_items")).toEqual([
      expect.objectContaining({ severity: "error", field: "actions", count: 3 }),
    ]);
  });

  it("errors on a third in-app button and cuts text at the chosen layout only", async () => {
    const buttons = [1, 2, 3].map((n) => ({ label: `B${n}`, url: `https://shop.example/${n}` }));
    const findings = await lintContent(
      { channel: "in_app", content: { layout: "banner", title: "t".repeat(45), body: "b", buttons } },
      options,
    );
    expect(byCode(findings, "field.too_many_items")).toEqual([expect.objectContaining({ field: "buttons" })]);
    expect(byCode(findings, "field.truncated").map((f) => f.surface)).toEqual(["banner"]);
  });

  it("accepts an app scheme for a push deep link but not for its image", async () => {
    expect(
      byCode(
        await push({ title: "t", body: "b", url: "shop://orders/1", imageUrl: "shop://img.png" }),
        "field.invalid_url",
      ).map((f) => f.field),
    ).toEqual(["imageUrl"]);
  });

  it("errors on a URL that does not parse, but not on one built with Liquid", async () => {
    const findings = await lintContent(
      {
        channel: "web_push",
        content: {
          title: "t",
          body: "b",
          url: "shop.example/sale",
          imageUrl: "https://cdn.example/{{ profile.ltv }}.png",
        },
      },
      options,
    );
    expect(byCode(findings, "field.invalid_url").map((f) => f.field)).toEqual(["url"]);
  });
});

describe("e-mail findings", () => {
  it("errors when there is no unsubscribe link", async () => {
    expect(byCode(await email([{ type: "text", text: "Hello" }]), "email.unsubscribe_missing")).toHaveLength(1);
    expect(byCode(await email([{ type: "text", text: "Hello" }, footer]), "email.unsubscribe_missing")).toHaveLength(0);
  });

  it("counts links as info", async () => {
    expect(
      byCode(await email([{ type: "button", label: "Shop", href: "https://shop.example" }, footer]), "email.links"),
    ).toEqual([expect.objectContaining({ severity: "info", count: 2 })]);
  });

  it("warns above 20 links", async () => {
    const buttons: EmailBlock[] = Array.from({ length: 20 }, (_, i) => ({
      type: "button",
      label: `B${i}`,
      href: `https://shop.example/${i}`,
    }));
    expect(byCode(await email([...buttons, footer]), "email.too_many_links")).toEqual([
      expect.objectContaining({ severity: "warning", count: 21 }),
    ]);
  });

  it("warns when the plain-text part is left empty", async () => {
    expect(byCode(await email([{ type: "text", text: "Hi" }, footer], { text: "" }), "email.text_missing")).toEqual([
      expect.objectContaining({ field: "text" }),
    ]);
    expect(byCode(await email([{ type: "text", text: "Hi" }, footer]), "email.text_missing")).toHaveLength(0);
  });

  it("errors on invalid MJML with its line", async () => {
    const mjml =
      '<mjml><mj-body>\n<mj-section><mj-text>x <a href="{{ unsubscribe_url }}">u</a></mj-text></mj-section></mj-body></mjml>';
    const findings = await lintContent(
      { channel: "email", content: { subject: "s", body: { format: "mjml", mjml } } },
      options,
    );
    expect(byCode(findings, "email.mjml_invalid")).toEqual([expect.objectContaining({ severity: "error", line: 2 })]);
  });

  it("errors on scripts, event handlers, javascript: links and frames in MJML, which block publishing", async () => {
    const unsubscribe = '<a href="{{ unsubscribe_url }}">u</a>';
    const mjmlWith = (inner: string) =>
      `<mjml><mj-body><mj-section><mj-column><mj-text>x ${unsubscribe}</mj-text>${inner}</mj-column></mj-section></mj-body></mjml>`;
    const active = async (inner: string) =>
      byCode(
        await lintContent(
          { channel: "email", content: { subject: "s", body: { format: "mjml", mjml: mjmlWith(inner) } } },
          options,
        ),
        "email.active_content",
      );
    expect(await active("<mj-raw><script>steal()</script></mj-raw>")).toEqual([
      expect.objectContaining({ severity: "error", field: "body", message: expect.stringContaining("<script>") }),
    ]);
    expect(await active('<mj-button href="javascript:alert(1)">Go</mj-button>')).toHaveLength(1);
    expect(await active('<mj-text><a href=" JavaScript:alert(1)">x</a></mj-text>')).toHaveLength(1);
    expect(await active('<mj-raw><img src="https://cdn.example/x.png" onerror="steal()"></mj-raw>')).toHaveLength(1);
    expect(await active('<mj-raw><iframe src="https://evil.example"></iframe></mj-raw>')).toHaveLength(1);
    // Ordinary links, images and words like "online" or "onboarding" are fine.
    expect(
      await active(
        '<mj-button href="https://shop.example/sale">Shop online</mj-button><mj-image src="https://cdn.example/onboarding.png" />',
      ),
    ).toEqual([]);
    expect(
      byCode(
        await email([{ type: "text", text: "Read about <script> tags and javascript: links" }, footer]),
        "email.active_content",
      ),
    ).toEqual([]);
  });

  it("warns when the HTML is big enough for Gmail to clip", async () => {
    const text = "Lorem ipsum dolor sit amet. ".repeat(4000);
    expect(byCode(await email([{ type: "text", text }, footer]), "email.clipped")).toHaveLength(1);
  });
});

describe("JSON and messenger findings", () => {
  const webhook = (payload: string, o: LintOptions = options) =>
    lintContent({ channel: "webhook", content: { url: "https://hooks.example/in", payload } }, o);

  it("errors on a webhook payload that is not JSON", async () => {
    expect(byCode(await webhook('{"email": "{{ profile.email }}",}'), "json.invalid")).toHaveLength(1);
  });

  it("accepts Liquid inside and between JSON values", async () => {
    expect(
      await webhook('{"email": "{{ profile.email | default: "" }}", "ltv": {{ profile.ltv | default: 0 }}}'),
    ).toEqual([]);
  });

  it("checks the rendered payload when given a sample", async () => {
    const sample = { profile: { email: 'a"b@example.com' } };
    expect(byCode(await webhook('{"email": "{{ profile.email }}"}', { ...options, sample }), "json.invalid")).toEqual([
      expect.objectContaining({ basis: "sample" }),
    ]);
    expect(
      byCode(await webhook('{"email": {{ profile.email | json }}}', { ...options, sample }), "json.invalid"),
    ).toEqual([]);
  });

  it("errors on a caption over 1024 characters when the message has an image", async () => {
    const content = { text: "t".repeat(1100), imageUrl: "https://cdn.example/a.png" };
    expect(
      byCode(await lintContent({ channel: "messenger", content }, options), "messenger.caption_too_long"),
    ).toHaveLength(1);
    expect(
      byCode(
        await lintContent({ channel: "messenger", content: { text: content.text } }, options),
        "messenger.caption_too_long",
      ),
    ).toHaveLength(0);
  });
});

describe("linting every locale", () => {
  it("reports a finding once, in the locale that defines the field", async () => {
    const template = templateContentSchema.parse({
      channel: "sms",
      locales: {
        default: { body: "Sale! Reply STOP to opt out." },
        de: { body: "Ausverkauf! {{ profile.nickname }}" },
      },
    });
    const findings = await lintTemplate(template, options);
    expect(byCode(findings, "liquid.unknown_variable").map((f) => f.locale)).toEqual(["de"]);
    expect(byCode(findings, "sms.opt_out_missing").map((f) => f.locale)).toEqual(["de"]);
    expect(byCode(findings, "sms.encoding").map((f) => f.locale)).toEqual(["default", "de"]);
  });

  it("does not repeat an inherited field's finding for a locale", async () => {
    const template = templateContentSchema.parse({
      channel: "push",
      locales: { default: { title: "x".repeat(70), body: "b" }, de: { body: "c" } },
    });
    expect(byCode(await lintTemplate(template, options), "field.truncated").map((f) => f.locale)).toEqual([
      "default",
      "default",
    ]);
  });
});
