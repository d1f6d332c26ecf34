import { blocksToMjml, withPreheader } from "./blocks-to-mjml";
import { EMAIL_CLIP_BYTES, EMAIL_MAX_LINKS } from "@/lib/templates/channels/email";
import type { Finding } from "./finding";
import { htmlToText } from "./html-to-text";
import { lintText, type LintOptions, type TextCheck } from "./lint-text";
import { renderEmail } from "./render-email";
import type { ChannelContent, EmailBlock } from "./schema";

const UNSUBSCRIBE_LINK = /href\s*=\s*["']\s*\{\{\s*unsubscribe_url\s*\}\}\s*["']/;
const LINK = /<a\b[^>]*\shref\s*=/gi;
// Active content in the rendered HTML, from <mj-raw> or hand-written MJML (blocks cannot make it):
// mail clients strip it and spam filters punish it, and a "view in browser" page would run it.
const ACTIVE_CONTENT: { pattern: RegExp; message: string }[] = [
  { pattern: /<script\b/i, message: "E-mail cannot carry scripts: remove the <script> element." },
  {
    pattern: /<[a-z][^>]*\son[a-z]+\s*=/i,
    message: "E-mail cannot carry event handlers (onclick, onload, …): remove the attribute.",
  },
  {
    pattern: /\b(?:href|src|action)\s*=\s*["']?\s*(?:javascript|vbscript|data\s*:\s*text\/html)/i,
    message:
      "Links and images must be http(s) or mailto: a javascript:, vbscript: or data:text/html address is not allowed.",
  },
  {
    pattern: /<(?:iframe|object|embed|form)\b/i,
    message: "E-mail cannot embed frames, objects or forms: remove the element.",
  },
];

/** The text fields of each block type, with how they are checked. */
const BLOCK_FIELDS: Record<string, Record<string, TextCheck>> = {
  heading: { text: { label: "Heading", kind: "text", liquid: true } },
  text: { text: { label: "Text", kind: "textarea", liquid: true } },
  image: {
    src: { label: "Image URL", kind: "url", liquid: true },
    alt: { label: "Alt text", kind: "text", liquid: true },
    href: { label: "Image link", kind: "url", liquid: true },
  },
  button: {
    label: { label: "Button text", kind: "text", liquid: true },
    href: { label: "Button URL", kind: "url", liquid: true },
  },
  footer: {
    text: { label: "Footer text", kind: "textarea", liquid: true },
    unsubscribeLabel: { label: "Unsubscribe link text", kind: "text", liquid: true },
  },
};

function lintBlocks(blocks: readonly EmailBlock[], options: LintOptions): Finding[] {
  return blocks.flatMap((block, i) =>
    Object.entries(BLOCK_FIELDS[block.type] ?? {}).flatMap(([name, check]) => {
      const value = (block as Record<string, unknown>)[name];
      return typeof value === "string" ? lintText(value, check, `body.blocks.${i}.${name}`, options).findings : [];
    }),
  );
}

/**
 * The e-mail body's checks: Liquid in each block (or in the MJML), MJML validity, the
 * unsubscribe link, links, the plain-text part and Gmail's clipping size.
 */
export async function lintEmail(content: ChannelContent<"email">, options: LintOptions): Promise<Finding[]> {
  const { body } = content;
  const findings =
    body.format === "blocks"
      ? lintBlocks(body.blocks, options)
      : lintText(body.mjml, { label: "MJML", kind: "mjml", liquid: true }, "body", options).findings;
  const mjml =
    body.format === "blocks"
      ? blocksToMjml(body.blocks, { preheader: content.preheader })
      : withPreheader(body.mjml, content.preheader);
  const { html, errors } = await renderEmail(mjml);
  for (const error of errors)
    findings.push({
      severity: "error",
      code: "email.mjml_invalid",
      field: "body",
      line: error.line,
      message: `MJML, line ${error.line}: ${error.message}`,
    });
  const markup = html.replace(/<!--[\s\S]*?-->/g, "");
  for (const { pattern, message } of ACTIVE_CONTENT)
    if (pattern.test(markup))
      findings.push({ severity: "error", code: "email.active_content", field: "body", message });
  if (!UNSUBSCRIBE_LINK.test(mjml)) {
    findings.push({
      severity: "error",
      code: "email.unsubscribe_missing",
      field: "body",
      message: "Add an unsubscribe link: a footer block, or a link to {{ unsubscribe_url }}.",
    });
  }
  const links = markup.match(LINK)?.length ?? 0;
  findings.push({
    severity: "info",
    code: "email.links",
    field: "body",
    count: links,
    message: `${links} link${links === 1 ? "" : "s"}.`,
  });
  if (links > EMAIL_MAX_LINKS) {
    findings.push({
      severity: "warning",
      code: "email.too_many_links",
      field: "body",
      count: links,
      message: `${links} links: above ${EMAIL_MAX_LINKS}, spam filters grow suspicious.`,
    });
  }
  const text = content.text ?? htmlToText(html);
  if (text.trim() === "") {
    findings.push({
      severity: "warning",
      code: "email.text_missing",
      field: content.text === undefined ? "body" : "text",
      message:
        content.text === undefined
          ? "The body has no text to make a plain-text part from (images only?)."
          : "There is no plain-text part: some clients and spam filters want one.",
    });
  }
  const bytes = new TextEncoder().encode(html).length;
  if (bytes > EMAIL_CLIP_BYTES) {
    findings.push({
      severity: "warning",
      code: "email.clipped",
      field: "body",
      count: bytes,
      message:
        `The HTML is ${Math.round(bytes / 1024)} KB: Gmail clips messages over 102 KB, hiding the ` +
        `unsubscribe link.`,
    });
  }
  return findings;
}
