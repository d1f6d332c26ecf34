import { escapeLiteral } from "./liquid-escape";
import type { EmailBlock } from "./schema";

/** The recipient's own unsubscribe link, filled in by delivery (a system variable). */
export const UNSUBSCRIBE_HREF = "{{ unsubscribe_url }}";

const attr = (value: string) => `"${escapeLiteral(value, "attribute")}"`;
const lines = (value: string) => escapeLiteral(value, "text").replaceAll("\n", "<br />");

function block(b: EmailBlock): string {
  switch (b.type) {
    case "heading": {
      const size = b.level === 2 ? "20px" : "26px";
      return `<mj-text font-size="${size}" font-weight="700" line-height="1.3">${lines(b.text)}</mj-text>`;
    }
    case "text":
      return `<mj-text>${lines(b.text)}</mj-text>`;
    case "image":
      return `<mj-image src=${attr(b.src)} alt=${attr(b.alt)}${b.href ? ` href=${attr(b.href)}` : ""} />`;
    case "button":
      return `<mj-button href=${attr(b.href)}>${lines(b.label)}</mj-button>`;
    case "divider":
      return `<mj-divider border-width="1px" border-color="#e5e7eb" />`;
    case "footer":
      return (
        `<mj-text align="center" font-size="12px" ` +
        `color="#6b7280">${b.text ? `${lines(b.text)}<br />` : ""}<a href="${UNSUBSCRIBE_HREF}" ` +
        `style="color:#6b7280">${lines(b.unsubscribeLabel)}</a></mj-text>`
      );
  }
}

/** Adds the preview text (preheader) to an MJML document's head, creating the head if needed. */
export function withPreheader(mjml: string, preheader: string | undefined): string {
  if (!preheader) return mjml;
  const preview = `<mj-preview>${escapeLiteral(preheader, "text")}</mj-preview>`;
  if (/<mj-head\b[^>]*>/.test(mjml)) return mjml.replace(/<mj-head\b[^>]*>/, (head) => head + preview);
  return mjml.replace(/<mjml\b[^>]*>/, (root) => `${root}<mj-head>${preview}</mj-head>`);
}

/** The e-mail body as MJML, one section per block, Liquid kept for rendering per recipient. */
export function blocksToMjml(blocks: readonly EmailBlock[], options: { preheader?: string } = {}): string {
  const body = blocks.map((b) => `<mj-section><mj-column>${block(b)}</mj-column></mj-section>`).join("\n");
  const head =
    `<mj-head><mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text ` +
    `font-size="16px" line-height="1.5" color="#111827" /></mj-attributes></mj-head>`;
  return withPreheader(`<mjml>${head}<mj-body>\n${body}\n</mj-body></mjml>`, options.preheader);
}
