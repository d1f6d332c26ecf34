import type { Liquid, Template } from "liquidjs";
import { htmlEngine, textEngine, toProblem, type LiquidProblem } from "./liquid-engine";

/**
 * What Liquid sees. `profile` comes from profileLiquidContext; `event` is the triggering event's
 * properties (triggered sends only); `unsubscribe_url` is filled in by delivery per recipient.
 */
export type LiquidContext = {
  profile: Record<string, unknown>;
  event?: Record<string, unknown>;
  unsubscribe_url?: string;
};

// A campaign renders the same few sources for every recipient: parse each once. Bounded, since
// previews render whatever an author types.
const PARSE_CACHE_LIMIT = 2_000;
const parseCache = new Map<string, Template[]>();

function parsed(engine: Liquid, source: string): Template[] {
  const key = `${engine === htmlEngine ? "h" : "t"}:${source}`;
  let templates = parseCache.get(key);
  if (!templates) {
    templates = engine.parse(source);
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    parseCache.set(key, templates);
  }
  return templates;
}

export type RenderResult = { ok: true; output: string } | { ok: false; problem: LiquidProblem };

/**
 * Renders a source strictly: a variable missing from the context or an unknown filter fails with
 * its position instead of printing nothing. `escape: "html"` HTML-escapes every output, for
 * e-mail bodies; plain-text channels print values as they are.
 */
export function render(source: string, context: LiquidContext, options: { escape?: "html" } = {}): RenderResult {
  const engine = options.escape === "html" ? htmlEngine : textEngine;
  try {
    return { ok: true, output: engine.renderSync(parsed(engine, source), context) as string };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}
