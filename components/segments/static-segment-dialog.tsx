"use client";

import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { StaticSegmentReport } from "@/lib/segments/server";

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A fixed audience from a CSV of user ids or e-mails, with the rows that matched no one. */
export function StaticSegmentDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () =>
      apiFetch<{ report: StaticSegmentReport }>("/api/segments/static", {
        method: "POST",
        body: { name, fileName: file!.name, csv: await file!.text() },
      }).then((r) => r.report),
    onSuccess: () => router.refresh(),
  });
  const report = upload.data;
  const fieldError = (field: string) =>
    upload.error instanceof ApiError && upload.error.field === field ? upload.error.message : undefined;
  const unmatchedCsv = report
    ? URL.createObjectURL(
        new Blob(
          [
            `row,value,reason\n${report.unmatched
              .map((u) => [u.row, csvCell(u.value), csvCell(u.reason)].join(","))
              .join("\n")}\n`,
          ],
          { type: "text/csv" },
        ),
      )
    : undefined;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      upload.reset();
      setName("");
      setFile(null);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload className="size-4" aria-hidden /> Upload static segment
        </Button>
      </DialogTrigger>
      <DialogContent>
        {report ? (
          <>
            <DialogHeader>
              <DialogTitle>“{report.name}” created</DialogTitle>
              <DialogDescription>
                Read column “{report.column}”: {report.matched.toLocaleString("en")} of{" "}
                {report.rows.toLocaleString("en")} rows matched a profile
                {report.duplicates > 0 && `, ${report.duplicates.toLocaleString("en")} named someone twice`}.
              </DialogDescription>
            </DialogHeader>
            {report.unmatched.length > 0 && (
              <div className="space-y-2 text-sm">
                <p>
                  {report.unmatched.length.toLocaleString("en")} row{report.unmatched.length === 1 ? "" : "s"} matched
                  no one:
                </p>
                <ul className="max-h-32 overflow-y-auto rounded border p-2 text-xs">
                  {report.unmatched.slice(0, 20).map((u) => (
                    <li key={u.row}>
                      row {u.row}: {u.value || "(empty)"} — {u.reason}
                    </li>
                  ))}
                </ul>
                <a href={unmatchedCsv} download={`${report.name}-unmatched.csv`} className="text-primary underline">
                  Download unmatched rows (CSV)
                </a>
              </div>
            )}
            <DialogFooter>
              <Button asChild>
                <Link href={`/segments/${report.id}`}>Open segment</Link>
              </Button>
            </DialogFooter>
          </>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate();
            }}
          >
            <DialogHeader>
              <DialogTitle>Upload a static segment</DialogTitle>
              <DialogDescription>
                A CSV with a column of user ids or e-mail addresses (headed external_id, user_id or email; otherwise the
                first column). Its members stay fixed.
              </DialogDescription>
            </DialogHeader>
            <FormAlert
              message={upload.error && !fieldError("name") && !fieldError("csv") ? upload.error.message : undefined}
            />
            <div className="space-y-2">
              <Label htmlFor="static-name">Name</Label>
              <Input
                id="static-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={!!fieldError("name")}
              />
              <FieldError message={fieldError("name")} />
            </div>
            <div className="space-y-2">
              <Label htmlFor="static-file">CSV file</Label>
              <Input
                id="static-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                aria-invalid={!!fieldError("csv")}
              />
              <FieldError message={fieldError("csv")} />
            </div>
            <DialogFooter>
              <Button type="submit" disabled={!file || !name.trim() || upload.isPending}>
                {upload.isPending ? "Matching…" : "Create segment"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
