"use client";

import type { ReactNode } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/components/ui/cn";

export type TwinColumn = { header: string; numeric?: boolean };
export type TwinRow = { key: string; cells: ReactNode[] };

/** Every chart's shape: a summary line, the chart, and its table twin one tab away. */
export function ChartWithTable({ summary, showAs, chart, columns, rows, height = "h-40" }: { summary: ReactNode; showAs: string; chart: ReactNode; columns: TwinColumn[]; rows: TwinRow[]; height?: string }) {
  return (
    <Tabs defaultValue="chart">
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">{summary}</p>
        <TabsList aria-label={showAs}>
          <TabsTrigger value="chart">Chart</TabsTrigger>
          <TabsTrigger value="table">Table</TabsTrigger>
        </TabsList>
      </div>
      <TabsContent value="chart">{chart}</TabsContent>
      <TabsContent value="table">
        <div className={cn("overflow-y-auto", height.replace(/^h-/, "max-h-"))}>
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
                    <TableCell key={columns[i]!.header} className={columns[i]!.numeric ? "text-right tabular-nums" : undefined}>
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
