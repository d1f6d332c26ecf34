"use client";

import { useMutation } from "@tanstack/react-query";
import Papa from "papaparse";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  detectColumnType,
  guessTarget,
  COLUMN_TYPES,
  FIXED_TARGETS,
  IMPORT_KINDS,
  type ColumnMapping,
  type ImportKind,
} from "@/lib/imports";
import { ImportProgress } from "./import-progress";

type Loaded = { fileName: string; csv: string; columns: string[]; preview: Record<string, string>[]; rowCount: number };

const TARGET_LABELS: Record<string, string> = {
  ignore: "Ignore",
  userId: "User id",
  anonymousId: "Anonymous id",
  event: "Event name",
  timestamp: "Time",
  messageId: "Message id",
};
const targetLabel = (target: string) =>
  TARGET_LABELS[target] ??
  (target.includes(":")
    ? `${target.split(":")[0]![0]!.toUpperCase()}${target.split(":")[0]!.slice(1)} “${target.split(":")[1]}”`
    : target);

function initialMapping(kind: ImportKind, loaded: Loaded): ColumnMapping {
  return Object.fromEntries(
    loaded.columns.map((column) => [
      column,
      { target: guessTarget(column, kind), type: detectColumnType(loaded.preview.map((row) => row[column] ?? "")) },
    ]),
  );
}

/** Upload → preview and column mapping → progress → summary with the per-row error report. */
export function ImportWizard() {
  const [kind, setKind] = useState<ImportKind>("profiles");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [readError, setReadError] = useState<string>();
  const start = useMutation({
    mutationFn: () =>
      apiFetch<{ id: string }>("/api/imports", {
        method: "POST",
        body: { kind, fileName: loaded!.fileName, csv: loaded!.csv, mapping },
      }),
  });

  async function onFile(file: File | undefined) {
    setReadError(undefined);
    start.reset();
    if (!file) return setLoaded(null);
    const csv = await file.text();
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: "greedy" });
    if (!parsed.meta.fields?.length || parsed.data.length === 0) {
      setLoaded(null);
      return setReadError("That file has no header row or no data rows.");
    }
    const next = {
      fileName: file.name,
      csv,
      columns: parsed.meta.fields,
      preview: parsed.data.slice(0, 20),
      rowCount: parsed.data.length,
    };
    setLoaded(next);
    setMapping(initialMapping(kind, next));
  }

  function onKind(next: ImportKind) {
    setKind(next);
    if (loaded) setMapping(initialMapping(next, loaded));
  }

  if (start.data) return <ImportProgress importId={start.data.id} />;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <div className="space-y-1">
          <Label htmlFor="import-kind">What the file holds</Label>
          <Select value={kind} onValueChange={(value) => onKind(value as ImportKind)}>
            <SelectTrigger id="import-kind" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {IMPORT_KINDS.map((k) => (
                <SelectItem key={k} value={k}>
                  {k === "profiles" ? "Profiles" : "Events"}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="import-file">CSV file</Label>
          <Input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="w-80"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
      </div>
      <FormAlert message={readError ?? start.error?.message} />
      {loaded && (
        <>
          <div>
            <h2 className="mb-2 font-medium">
              Map the columns of {loaded.fileName}{" "}
              <span className="text-muted-foreground">({loaded.rowCount.toLocaleString("en")} rows)</span>
            </h2>
            <Table aria-label="Column mapping">
              <TableHeader>
                <TableRow>
                  <TableHead>Column</TableHead>
                  <TableHead>Sample</TableHead>
                  <TableHead>Type</TableHead>
                  <TableHead>Goes to</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {loaded.columns.map((column) => {
                  const current = mapping[column]!;
                  const keyed = guessTarget(column, kind);
                  const targets = [...FIXED_TARGETS[kind], ...(keyed.includes(":") ? [keyed] : [])];
                  return (
                    <TableRow key={column}>
                      <TableCell className="font-mono text-xs">{column}</TableCell>
                      <TableCell className="max-w-56 truncate text-muted-foreground">
                        {loaded.preview
                          .slice(0, 3)
                          .map((r) => r[column])
                          .join(", ")}
                      </TableCell>
                      <TableCell>
                        <Select
                          value={current.type}
                          onValueChange={(type) =>
                            setMapping({ ...mapping, [column]: { ...current, type: type as typeof current.type } })
                          }
                        >
                          <SelectTrigger aria-label={`Type of ${column}`} className="w-32">
                            <SelectValue />
                          </SelectTrigger>
                          <SelectContent>
                            {COLUMN_TYPES.map((type) => (
                              <SelectItem key={type} value={type}>
                                {type}
                              </SelectItem>
                            ))}
                          </SelectContent>
                        </Select>
                      </TableCell>
                      <TableCell>
                        <Select
                          value={current.target}
                          onValueChange={(target) => setMapping({ ...mapping, [column]: { ...current, target } })}
                        >
                          <SelectTrigger aria-label={`Destination of ${column}`} className="w-52">
                            <SelectValue />
                          </SelectTrigger>
                          <SelectContent>
                            {targets.map((target) => (
                              <SelectItem key={target} value={target}>
                                {targetLabel(target)}
                              </SelectItem>
                            ))}
                          </SelectContent>
                        </Select>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <div>
            <h2 className="mb-2 font-medium">First rows</h2>
            <Table aria-label="Preview">
              <TableHeader>
                <TableRow>
                  {loaded.columns.map((column) => (
                    <TableHead key={column}>{column}</TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {loaded.preview.slice(0, 5).map((row, index) => (
                  <TableRow key={index}>
                    {loaded.columns.map((column) => (
                      <TableCell key={column} className="max-w-48 truncate">
                        {row[column]}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? "Uploading…" : `Import ${loaded.rowCount.toLocaleString("en")} rows`}
          </Button>
        </>
      )}
    </div>
  );
}
