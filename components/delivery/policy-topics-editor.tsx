"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { WorkspacePolicy } from "@/lib/delivery";

// A key people never see, derived from the label until the admin edits it.
const keyOf = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);

/** Topics the preference page offers (besides channels); a campaign names the one it belongs to. */
export function PolicyTopicsEditor() {
  const form = useFormContext<WorkspacePolicy>();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "topics" });
  return (
    <div className="space-y-3">
      {fields.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No topics yet: people can only turn whole channels off. Add topics such as “Weekly deals” or “Product news” so
          they can keep some messages and drop others.
        </p>
      ) : null}
      <ul className="space-y-3">
        {fields.map((row, i) => (
          <li key={row.id} className="flex flex-wrap items-start gap-2">
            <FormField
              control={form.control}
              name={`topics.${i}.label`}
              render={({ field }) => (
                <FormItem className="w-64">
                  <FormControl>
                    <Input
                      aria-label={`Topic ${i + 1}: label`}
                      placeholder="Weekly deals"
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={(e) => {
                        const key = form.getValues(`topics.${i}.key`);
                        if (key === keyOf(field.value))
                          form.setValue(`topics.${i}.key`, keyOf(e.target.value), {
                            shouldDirty: true,
                            shouldValidate: form.formState.isSubmitted,
                          });
                        field.onChange(e.target.value);
                      }}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name={`topics.${i}.key`}
              render={({ field }) => (
                <FormItem className="w-56">
                  <FormControl>
                    <Input
                      aria-label={`Topic ${i + 1}: key`}
                      placeholder="weekly-deals"
                      className="font-mono"
                      {...field}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove topic ${i + 1}`}
              onClick={() => remove(i)}
            >
              <Trash2 />
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" variant="outline" size="sm" onClick={() => append({ key: "", label: "" })}>
        <Plus /> Add topic
      </Button>
    </div>
  );
}
