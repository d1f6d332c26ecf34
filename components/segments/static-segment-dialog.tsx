"use client";

import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
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
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { staticSegmentFormSchema } from "@/lib/segments";
import type { StaticSegmentReport } from "@/lib/segments/server";

type StaticSegmentForm = { name: string; file: File | null };
const EMPTY: StaticSegmentForm = { name: "", file: null };
const FIELDS = { name: "name", csv: "file", fileName: "file" } as const;

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A fixed audience from a CSV of user ids or e-mails, with the rows that matched no one. */
export function StaticSegmentDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<StaticSegmentForm, unknown, { name: string; file: File }>({
    // The schema refuses the empty file the form starts with ("Choose a CSV file.").
    resolver: zodResolver(staticSegmentFormSchema) as Resolver<
      StaticSegmentForm,
      unknown,
      { name: string; file: File }
    >,
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: EMPTY,
  });
  const upload = useMutation({
    mutationFn: async ({ name, file }: { name: string; file: File }) =>
      apiFetch<{ report: StaticSegmentReport }>("/api/segments/static", {
        method: "POST",
        body: { name, fileName: file.name, csv: await file.text() },
      }).then((r) => r.report),
    onSuccess: () => router.refresh(),
    // The server's verdict on the name or the file shows at that field; anything else above the fields.
    onError: (error) => {
      const field = error instanceof ApiError ? FIELDS[error.field as keyof typeof FIELDS] : undefined;
      if (field) form.setError(field, { message: error.message });
    },
  });
  const report = upload.data;
  const formError =
    upload.error && !(upload.error instanceof ApiError && upload.error.field && upload.error.field in FIELDS)
      ? upload.error.message
      : undefined;
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
      form.reset(EMPTY);
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
          <Form {...form}>
            <form className="space-y-4" noValidate onSubmit={form.handleSubmit((values) => upload.mutate(values))}>
              <DialogHeader>
                <DialogTitle>Upload a static segment</DialogTitle>
                <DialogDescription>
                  A CSV with a column of user ids or e-mail addresses (headed external_id, user_id or email; otherwise
                  the first column). Its members stay fixed.
                </DialogDescription>
              </DialogHeader>
              <FormAlert message={formError} />
              <FormField
                control={form.control}
                name="name"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Name</FormLabel>
                    <FormControl>
                      <Input {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="file"
                render={({ field: { value: _file, onChange, ...field } }) => (
                  <FormItem>
                    <FormLabel>CSV file</FormLabel>
                    <FormControl>
                      <Input
                        type="file"
                        accept=".csv,text/csv"
                        {...field}
                        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
                      />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <DialogFooter>
                <Button type="submit" disabled={upload.isPending}>
                  {upload.isPending ? "Matching…" : "Create segment"}
                </Button>
              </DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
