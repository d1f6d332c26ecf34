import { toCsv, type CsvCell } from "@/lib/csv";

export type { CsvCell };
export type CsvTable = { filename: string; header: string[]; rows: CsvCell[][] };

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
