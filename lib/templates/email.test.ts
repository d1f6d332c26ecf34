import { describe, expect, it } from "vitest";
import { blocksToMjml, withPreheader } from "./blocks-to-mjml";
import { htmlToText } from "./html-to-text";
import { renderEmail } from "./render-email";
import type { EmailBlock } from "./schema";

const blocks: EmailBlock[] = [
  { type: "heading", text: "Autumn sale & more" },
  { type: "text", text: 'Hi {{ profile.first_name | default: "there" }},\neverything is 20% off.' },
  {
    type: "image",
    src: "https://cdn.example/sale.png",
    alt: "Sale banner",
    href: "https://shop.example/sale?utm=mail&id=1",
  },
  { type: "button", label: "Shop now", href: "https://shop.example/sale" },
  { type: "divider" },
  { type: "footer", text: "Tailor GmbH, Wien", unsubscribeLabel: "Unsubscribe" },
];

describe("e-mail blocks to HTML", () => {
  it("renders the heading text into the HTML, escaped", async () => {
    const { html, errors } = await renderEmail(blocksToMjml(blocks));
    expect(errors).toEqual([]);
    expect(html).toContain("Autumn sale &amp; more");
  });

  it("links the footer to the recipient's unsubscribe URL variable", async () => {
    const { html } = await renderEmail(blocksToMjml(blocks));
    expect(html).toMatch(/<a href="\{\{ unsubscribe_url \}\}"[^>]*>Unsubscribe<\/a>/);
  });

  it("keeps Liquid intact through MJML so it renders per recipient", async () => {
    const { html } = await renderEmail(blocksToMjml(blocks));
    expect(html).toContain('{{ profile.first_name | default: "there" }}');
  });

  it("puts the preheader in the hidden preview text", async () => {
    const { html } = await renderEmail(blocksToMjml(blocks, { preheader: "Only this week" }));
    expect(html).toMatch(/display:none[^>]*>Only this week/);
  });

  it("reports invalid MJML instead of throwing", async () => {
    const { errors } = await renderEmail(
      "<mjml><mj-body><mj-section><mj-text>x</mj-text></mj-section></mj-body></mjml>",
    );
    expect(errors[0]?.message).toContain("mj-text cannot be used inside mj-section");
  });

  it("adds a head for the preheader to MJML that has none", () => {
    expect(withPreheader("<mjml><mj-body></mj-body></mjml>", "Hi")).toBe(
      "<mjml><mj-head><mj-preview>Hi</mj-preview></mj-head><mj-body></mj-body></mjml>",
    );
  });
});

describe("plain-text part", () => {
  it("writes links as text followed by the URL", async () => {
    const text = htmlToText((await renderEmail(blocksToMjml(blocks))).html);
    expect(text).toContain("Shop now (https://shop.example/sale)");
    expect(text).toContain("Sale banner (https://shop.example/sale?utm=mail&id=1)");
    expect(text).toContain("Unsubscribe ({{ unsubscribe_url }})");
  });

  it("keeps line breaks and drops styles and the hidden preview", async () => {
    const text = htmlToText((await renderEmail(blocksToMjml(blocks, { preheader: "Only this week" }))).html);
    expect(text.startsWith("Autumn sale & more\n")).toBe(true);
    expect(text).toContain('Hi {{ profile.first_name | default: "there" }},\neverything is 20% off.');
    expect(text).not.toContain("Only this week");
    expect(text).not.toMatch(/[{]\s*(margin|padding)/);
  });

  it("prints a link whose text is its URL once", () => {
    expect(htmlToText('<p>See <a href="https://a.example">https://a.example</a></p>')).toBe("See https://a.example");
  });
});
