import { Liquid, LiquidError, type Template } from "liquidjs";

/*
 * The Liquid engines every template field goes through. Strict: an unknown variable or filter is
 * an error, never an empty string — except inside `if`/`unless` and the `default` filter
 * (`lenientIf`), so `{{ profile.first_name | default: "there" }}` works for a profile without one.
 * No file system: `include`, `render` and `layout` are refused when parsing, and the in-memory
 * `templates` map is empty besides. Limits bound what a hostile template can cost a worker.
 */
const OPTIONS = {
  strictVariables: true,
  strictFilters: true,
  lenientIf: true,
  ownPropertyOnly: true,
  templates: {},
  parseLimit: 1_000_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
} as const;

function build(outputEscape?: "escape") {
  const engine = new Liquid({ ...OPTIONS, outputEscape });
  for (const tag of ["include", "render", "layout"]) {
    engine.registerTag(tag, {
      parse() {
        throw new Error(`{% ${tag} %} is not available in templates: paste the content in instead.`);
      },
      render() {},
    });
  }
  return engine;
}

export const textEngine = build();
/** For HTML: every `{{ … }}` output is HTML-escaped (a trait holding `<b>` prints as text). */
export const htmlEngine = build("escape");

export type LiquidProblem = { message: string; line: number; column: number };

/** liquidjs appends ", line:2, col:5" to messages; the position is reported separately. */
export function toProblem(error: unknown): LiquidProblem {
  if (error instanceof LiquidError) {
    const [line = 1, column = 1] = error.token.getPosition();
    return { message: error.message.replace(/, line:\d+, col:\d+$/, ""), line, column };
  }
  return { message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
}

/** The parsed template, or the first syntax problem with its position. */
export function parse(source: string): { ok: true; templates: Template[] } | { ok: false; problem: LiquidProblem } {
  try {
    return { ok: true, templates: textEngine.parse(source) };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}
