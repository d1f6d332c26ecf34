// A Liquid output or tag; everything between them is literal text.
const LIQUID = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/;

/**
 * HTML-escapes the literal parts of a source and leaves its Liquid alone: escaping `<` or `"`
 * inside `{% if a < b %}` or `| default: "x"` would break the Liquid, and Liquid's own output
 * is escaped when it renders (render with `escape: "html"`). In an attribute, Liquid's double
 * quotes become single ones, which Liquid reads the same, so they do not end the attribute.
 */
export function escapeLiteral(source: string, where: "text" | "attribute"): string {
  return source
    .split(LIQUID)
    .map((part, i) => {
      if (i % 2 === 1) return where === "attribute" ? part.replaceAll('"', "'") : part;
      const escaped = part.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
      return where === "attribute" ? escaped.replaceAll('"', "&quot;") : escaped;
    })
    .join("");
}
