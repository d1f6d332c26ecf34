export type CopyValue = string | number | null;

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += "\t";
    line += value === null || value === undefined ? "\\N" : String(value).replace(SPECIAL, (c) => ESCAPES[c]!);
  }
  return `${line}\n`;
}
