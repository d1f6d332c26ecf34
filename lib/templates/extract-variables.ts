import { Output, TokenKind, type Template, type Variable } from "liquidjs";
import { parse, textEngine } from "./liquid-engine";

export type VariableUse = {
  /**
   * What the catalog is checked against: the root and first property, `profile.first_name`, `event.items`,
   * `unsubscribe_url`.
   */
  key: string;
  /** The whole path as written, `event.items[0].name`. */
  path: string;
  /** Printed by `{{ … }}` (a missing value prints as empty) rather than only tested in a tag. */
  printed: boolean;
  /** Printed through a `default` filter, so a missing value has a fallback. */
  hasDefault: boolean;
  line: number;
  column: number;
};

type Position = `${number}:${number}`;

function drain(generator: Generator<unknown, Template[]>): Template[] {
  for (let step = generator.next(); ; step = generator.next()) if (step.done) return step.value;
}

function positionOf(token: { getPosition(): number[] }): Position {
  const [line = 0, column = 0] = token.getPosition();
  return `${line}:${column}`;
}

/** Positions of the variables printed by outputs, and of those an output's `default` filter covers. */
function outputPositions(templates: Template[], printed: Set<Position>, defaulted: Set<Position>) {
  for (const template of templates) {
    if (template instanceof Output) {
      const hasDefault = template.value.filters.some((f) => f.name === "default");
      for (const token of template.value.initial.postfix) {
        if (token.kind !== TokenKind.PropertyAccess) continue;
        printed.add(positionOf(token));
        if (hasDefault) defaulted.add(positionOf(token));
      }
      const args = template.value.filters.flatMap((f) => f.args.map((arg) => (Array.isArray(arg) ? arg[1] : arg)));
      for (const token of args) if (token?.kind === TokenKind.PropertyAccess) printed.add(positionOf(token));
    } else if (template.children) {
      outputPositions(drain(template.children(false, true)), printed, defaulted);
    }
  }
}

function keyOf(variable: Variable): string {
  const [root, first] = variable.segments;
  return typeof first === "string" && (root === "profile" || root === "event") ? `${root}.${first}` : String(root);
}

/**
 * The variables a source reads from outside (not those it assigns or loops over), one entry per
 * use, in source order; empty when the source does not parse (see parseErrors).
 */
export function extractVariables(source: string): VariableUse[] {
  const parsed = parse(source);
  if (!parsed.ok) return [];
  const printed = new Set<Position>();
  const defaulted = new Set<Position>();
  outputPositions(parsed.templates, printed, defaulted);
  const globals = Object.values(textEngine.analyzeSync(parsed.templates, { partials: false }).globals).flat();
  return globals
    .map((v): VariableUse => {
      const position: Position = `${v.location.row}:${v.location.col}`;
      return {
        key: keyOf(v),
        path: v.toString(),
        printed: printed.has(position),
        hasDefault: defaulted.has(position),
        line: v.location.row,
        column: v.location.col,
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
