import Papa from "papaparse";

export const MAX_STATIC_ROWS = 200_000;
const ID_HEADERS = ["external_id", "externalid", "user_id", "userid", "customer_id", "id"];
const EMAIL_HEADERS = ["email", "e-mail", "email_address"];

export type StaticRow = { row: number; value: string; by: "email" | "externalId" };
export type UnmatchedRow = { row: number; value: string; reason: string };

/**
 * Reads the member column of an uploaded CSV: a column headed like an id or e-mail, else the
 * first one; the first row is a header unless it holds an e-mail. Values with an @ match e-mails (case-insensitive),
 * others the sender's user ids.
 * Row numbers count the header as row 1, as spreadsheets show them.
 */
export function readStaticRows(csv: string): { column: string; rows: StaticRow[]; invalid: UnmatchedRow[] } {
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: "greedy" });
  const [header = [], ...body] = parsed.data;
  const lower = header.map((h) => h.trim().toLowerCase());
  let index = lower.findIndex((h) => ID_HEADERS.includes(h) || EMAIL_HEADERS.includes(h));
  // The first row is a header unless it already holds an e-mail address.
  const headerless = index === -1 && (header[0] ?? "").includes("@");
  if (index === -1) index = 0;
  const lines = headerless ? [header, ...body] : body;
  const offset = headerless ? 1 : 2;
  const rows: StaticRow[] = [];
  const invalid: UnmatchedRow[] = [];
  lines.slice(0, MAX_STATIC_ROWS).forEach((line, i) => {
    const value = (line[index] ?? "").trim();
    if (!value) invalid.push({ row: i + offset, value, reason: "empty" });
    else rows.push({ row: i + offset, value, by: value.includes("@") ? "email" : "externalId" });
  });
  if (lines.length > MAX_STATIC_ROWS)
    invalid.push({
      row: MAX_STATIC_ROWS + offset,
      value: "",
      reason: `only the first ${MAX_STATIC_ROWS.toLocaleString("en")} rows are read`,
    });
  return { column: headerless ? "(no header)" : (header[index] ?? "").trim(), rows, invalid };
}
