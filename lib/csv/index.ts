// CSV for exports (reports, experiment readouts, import errors), client-safe.

export type CsvCell = string | number | null | undefined;

// A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection):
// =HYPERLINK(…) in a persona name or a customer's trait would run on the analyst's machine.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: RFC 4180 quoting (comma, quote or line break → quoted, quotes doubled); text that a
 * spreadsheet would read as a formula gets a leading apostrophe (OWASP). Numbers stay raw so
 * spreadsheets compute with them, negative ones included.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole table, CRLF line ends, header first. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
