"use client";

import { Check } from "lucide-react";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { ProviderField } from "@/lib/delivery";
import type { ProviderFormValues } from "./form-values";

/**
 * A secret the server keeps and never sends back: "Set ✓" with a Replace button when one is
 * stored, a password input otherwise. Left blank, a save keeps the stored value.
 */
export function SecretField({ field: f, isSet }: { field: ProviderField; isSet: boolean }) {
  const form = useFormContext<ProviderFormValues>();
  const [replacing, setReplacing] = useState(false);
  const editing = !isSet || replacing;
  return (
    <FormField
      control={form.control}
      name={`secrets.${f.name}`}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{f.label}</FormLabel>
          {editing ? (
            <div className="flex gap-2">
              <FormControl>
                <Input
                  {...field}
                  value={field.value ?? ""}
                  type="password"
                  autoComplete="new-password"
                  placeholder={isSet ? "Leave blank to keep the stored one" : undefined}
                />
              </FormControl>
              {isSet && (
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    setReplacing(false);
                    field.onChange("");
                  }}
                >
                  Keep
                </Button>
              )}
            </div>
          ) : (
            <div className="flex h-9 items-center gap-3">
              <FormControl>
                <span
                  className="inline-flex items-center gap-1 text-sm font-medium text-success"
                  aria-label={`${f.label}: set`}
                >
                  Set <Check className="size-4" aria-hidden />
                </span>
              </FormControl>
              <Button
                type="button"
                variant="outline"
                size="sm"
                aria-label={`Replace ${f.label.toLowerCase()}`}
                onClick={() => setReplacing(true)}
              >
                Replace
              </Button>
            </div>
          )}
          {f.help && <FormDescription>{f.help}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
