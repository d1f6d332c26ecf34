"use client";

import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/components/ui/cn";
import { type CsvTable, downloadCsv } from "./csv";

export type TwinColumn = { header: string; numeric?: boolean };
export type TwinRow = { key: string; cells: ReactNode[] };

/**
 * Every chart's shape: a summary line, the chart, and its table twin one tab away. Optional: a CSV
 * export of the twin's numbers (raw values, not the formatted cells) and a toolbar (e.g. a legend).
 */
export function ChartWithTable({
  summary,
  showAs,
  chart,
  columns,
  rows,
  height = "h-40",
  csv,
  toolbar,
}: {
  summary: ReactNode;
  showAs: string;
  chart: ReactNode;
  columns: TwinColumn[];
  rows: TwinRow[];
  height?: string;
  csv?: CsvTable;
  toolbar?: ReactNode;
}) {
  return (
    <Tabs defaultValue="chart">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm text-muted-foreground">{summary}</div>
        <div className="flex items-center gap-2">
          {csv && (
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => downloadCsv(csv)}
              aria-label={`Export ${showAs.replace(/^Show /, "").replace(/ as$/, "")} as CSV`}
            >
              <Download className="size-3.5" aria-hidden /> CSV
            </Button>
          )}
          <TabsList aria-label={showAs}>
            <TabsTrigger value="chart">Chart</TabsTrigger>
            <TabsTrigger value="table">Table</TabsTrigger>
          </TabsList>
        </div>
      </div>
      {toolbar && <div className="mb-2">{toolbar}</div>}
      <TabsContent value="chart">{chart}</TabsContent>
      <TabsContent value="table">
        <div className={cn("overflow-auto", height.replace(/^h-/, "max-h-"))}>
          <Table>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHead key={c.header} className={c.numeric ? "text-right" : undefined}>
                    {c.header}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  {row.cells.map((cell, i) => (
                    <TableCell
                      key={columns[i]!.header}
                      className={columns[i]!.numeric ? "text-right tabular-nums" : undefined}
                    >
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </TabsContent>
    </Tabs>
  );
}
