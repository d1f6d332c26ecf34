import { trackingBaseUrl } from "./base-url";
import { clickUrl, openPixelUrl, type MessageRef } from "./token";

/**
 * Where /r finds a click's target: trackLinks' `stored` — what the worker keeps in
 * Message.rendered — carries the message's original links under this key, in index order.
 */
export const LINKS_KEY = "__links";

type Rewriter = (url: string) => string;

const HTTP = /^https?:\/\//i;
// A URL in running text ends at whitespace or a delimiter; sentence punctuation after it is not part of it.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;
const HREF = /(<(?:a|area)\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2/gis;

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (entity, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(
        name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

function rewriteText(text: string, rewrite: Rewriter): string {
  return text.replace(URL_IN_TEXT, (match) => {
    const tail = TRAILING.exec(match)?.[0] ?? "";
    const url = match.slice(0, match.length - tail.length);
    return rewrite(url) + tail;
  });
}

function rewriteHtml(html: string, rewrite: Rewriter): string {
  return html.replace(HREF, (whole, start: string, quote: string, value: string) => {
    const url = decodeAttribute(value.trim());
    if (!HTTP.test(url)) return whole;
    const tracked = rewrite(url);
    return tracked === url ? whole : `${start}${quote}${tracked}${quote}`;
  });
}

function withPixel(html: string, pixelUrl: string): string {
  const pixel =
    `<img src="${pixelUrl}" width="1" height="1" alt="" ` + `style="display:block;width:1px;height:1px;border:0" />`;
  const close = html.search(/<\/body\s*>/i);
  return close === -1 ? html + pixel : html.slice(0, close) + pixel + html.slice(close);
}

function rewriteButtons(value: unknown, rewrite: Rewriter): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((button: unknown) => {
    if (!button || typeof button !== "object") return button;
    const url = (button as Record<string, unknown>).url;
    return typeof url === "string" && HTTP.test(url.trim()) ? { ...button, url: rewrite(url.trim()) } : button;
  });
}

const rewriteUrl = (value: unknown, rewrite: Rewriter) =>
  typeof value === "string" && HTTP.test(value.trim()) ? rewrite(value.trim()) : value;
const rewriteString = (value: unknown, fn: (s: string) => string) => (typeof value === "string" ? fn(value) : value);

export type TrackedContent = {
  /** What the provider sends: every http(s) link through /r, and the e-mail open pixel. */
  rendered: Record<string, unknown>;
  /** The original targets, by link index. */
  links: string[];
  /** What Message.rendered keeps: `rendered` plus the links under LINKS_KEY, for /r to look up. */
  stored: Record<string, unknown>;
};

/**
 * Rewrites a rendered message's http(s) links to tracked /r/<token> links: e-mail HTML hrefs and
 * URLs in the text part, push and web push `url` (and web push action URLs), URLs in an SMS body,
 * in-app and messenger button URLs. Adds the open pixel to e-mail HTML. Links into Tailor's own
 * tracking paths (the unsubscribe link) stay as they are; non-http links (mailto:, tel:, app deep
 * links) are not tracked. The same URL twice gets one index. Webhooks are not rewritten: their
 * URL is the sender's endpoint, not a link for a person.
 */
export function trackLinks(
  rendered: Record<string, unknown>,
  channel: string,
  ref: MessageRef,
  baseUrl = trackingBaseUrl(),
): TrackedContent {
  const root = baseUrl.replace(/\/+$/, "");
  const links: string[] = [];
  const index = new Map<string, number>();
  const rewrite: Rewriter = (url) => {
    if (["/r/", "/o/", "/u/"].some((path) => url.startsWith(root + path))) return url;
    let i = index.get(url);
    if (i === undefined) {
      i = links.push(url) - 1;
      index.set(url, i);
    }
    return clickUrl(ref, i, root);
  };

  const out: Record<string, unknown> = { ...rendered };
  switch (channel) {
    case "email":
      out.html = rewriteString(out.html, (html) => withPixel(rewriteHtml(html, rewrite), openPixelUrl(ref, root)));
      out.text = rewriteString(out.text, (text) => rewriteText(text, rewrite));
      break;
    case "push":
      out.url = rewriteUrl(out.url, rewrite);
      break;
    case "web_push":
      out.url = rewriteUrl(out.url, rewrite);
      out.actions = rewriteButtons(out.actions, rewrite);
      break;
    case "sms":
      out.body = rewriteString(out.body, (body) => rewriteText(body, rewrite));
      break;
    case "in_app":
      if ("url" in out) out.url = rewriteUrl(out.url, rewrite);
      out.buttons = rewriteButtons(out.buttons, rewrite);
      break;
    case "messenger":
      out.buttons = rewriteButtons(out.buttons, rewrite);
      break;
    default:
      // Webhooks (the sender's endpoint, not a person's link) and unknown channels: unchanged.
      break;
  }
  for (const key of Object.keys(out)) if (out[key] === undefined && !(key in rendered)) delete out[key];
  delete out[LINKS_KEY];
  return { rendered: out, links, stored: { ...out, [LINKS_KEY]: links } };
}

/** The links a stored Message.rendered carries (empty when none or not tracked). */
export function storedLinks(rendered: unknown): string[] {
  if (!rendered || typeof rendered !== "object") return [];
  const links = (rendered as Record<string, unknown>)[LINKS_KEY];
  return Array.isArray(links) ? links.filter((l): l is string => typeof l === "string") : [];
}
