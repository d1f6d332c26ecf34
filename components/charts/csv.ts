export type CsvCell = string | number | null | undefined;
export type CsvTable = { filename: string; header: string[]; rows: CsvCell[][] };

/** RFC 4180: cells with a comma, quote or line break are quoted, quotes doubled. Numbers stay raw (no formatting) so spreadsheets can compute with them. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const cell = (v: CsvCell) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function downloadCsv(table: CsvTable): void {
  const blob = new Blob([toCsv(table.header, table.rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = table.filename.endsWith(".csv") ? table.filename : `${table.filename}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
