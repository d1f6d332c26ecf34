import { parse, type LiquidProblem } from "./liquid-engine";

/**
 * Broken Liquid in a source, with 1-based line and column: unclosed tags and outputs, unknown
 * tags and filters (filters are checked when parsing, strictly). liquidjs stops at the first
 * problem, so the list has at most one entry.
 */
export function parseErrors(source: string): LiquidProblem[] {
  const result = parse(source);
  return result.ok ? [] : [result.problem];
}
