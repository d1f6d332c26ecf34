import { blocksToMjml, withPreheader } from "./blocks-to-mjml";
import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { type FieldSpec } from "@/lib/templates/channels/spec";
import { htmlToText } from "./html-to-text";
import { render, type LiquidContext } from "./render";
import { renderEmail } from "./render-email";
import type { ChannelContent, EmailBlock, ResolvedContent } from "./schema";

/** A field that did not render for this recipient: where, and why (a missing variable, a bad filter). */
export type RenderProblem = { field: string; locale?: string; message: string; line: number; column: number };

/**
 * The rendered fields: `subject`, `preheader`, `html`, `text` for e-mail; the channel's own fields otherwise. Null
 * where a field failed.
 */
export type RenderedFields = Record<string, unknown>;

const BLOCK_TEXTS: Record<string, readonly string[]> = {
  heading: ["text"],
  text: ["text"],
  image: ["src", "alt", "href"],
  button: ["label", "href"],
  footer: ["text", "unsubscribeLabel"],
};

function renderText(source: string, field: string, context: LiquidContext, problems: RenderProblem[]): string | null {
  const result = render(source, context);
  if (result.ok) return result.output;
  problems.push({ field, ...result.problem });
  return null;
}

async function renderEmailContent(
  content: ChannelContent<"email">,
  context: LiquidContext,
  problems: RenderProblem[],
): Promise<RenderedFields> {
  const fromName =
    content.fromName === undefined ? undefined : renderText(content.fromName, "fromName", context, problems);
  const subject = renderText(content.subject, "subject", context, problems);
  const preheader =
    content.preheader === undefined ? undefined : renderText(content.preheader, "preheader", context, problems);
  const before = problems.length;
  // Each block's text first, so a problem points at the block the author wrote, not at the HTML.
  if (content.body.format === "blocks") {
    content.body.blocks.forEach((block: EmailBlock, i) => {
      for (const name of BLOCK_TEXTS[block.type] ?? []) {
        const value = (block as Record<string, unknown>)[name];
        if (typeof value === "string") renderText(value, `body.blocks.${i}.${name}`, context, problems);
      }
    });
  }
  const mjml =
    content.body.format === "blocks"
      ? blocksToMjml(content.body.blocks, { preheader: content.preheader })
      : withPreheader(content.body.mjml, content.preheader);
  let html: string | null = null;
  if (problems.length === before) {
    const compiled = await renderEmail(mjml);
    const result = render(compiled.html, context, { escape: "html" });
    if (result.ok) html = result.output;
    else problems.push({ field: "body", ...result.problem });
  }
  const text =
    content.text !== undefined
      ? renderText(content.text, "text", context, problems)
      : html === null
        ? null
        : htmlToText(html);
  return {
    ...(fromName !== undefined ? { fromName } : {}),
    subject,
    ...(preheader !== undefined ? { preheader } : {}),
    html,
    text,
  };
}

/**
 * One recipient's message: every Liquid field of the resolved content rendered strictly for the
 * context (e-mail: blocks or MJML → HTML, Liquid rendered HTML-escaped, plus the text part).
 * A field that fails comes back as null with its problem; nothing throws for a bad template.
 */
export async function renderContent(
  resolved: ResolvedContent,
  context: LiquidContext,
): Promise<{ rendered: RenderedFields; problems: RenderProblem[] }> {
  const problems: RenderProblem[] = [];
  if (resolved.channel === "email")
    return { rendered: await renderEmailContent(resolved.content, context, problems), problems };
  const content = resolved.content as Record<string, unknown>;
  const rendered: RenderedFields = {};
  for (const spec of CHANNEL_SPECS[resolved.channel].fields as readonly FieldSpec[]) {
    const value = content[spec.name];
    if (value === undefined) continue;
    if (typeof value === "string") {
      rendered[spec.name] =
        spec.liquid && spec.kind !== "choice" ? renderText(value, spec.name, context, problems) : value;
    } else if (Array.isArray(value)) {
      rendered[spec.name] = value.map((item: Record<string, unknown>, i) =>
        Object.fromEntries(
          Object.entries(item).map(([key, v]) => [
            key,
            typeof v === "string" ? renderText(v, `${spec.name}.${i}.${key}`, context, problems) : v,
          ]),
        ),
      );
    } else {
      rendered[spec.name] = value;
    }
  }
  return { rendered, problems };
}
