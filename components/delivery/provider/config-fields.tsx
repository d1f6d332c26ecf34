"use client";

import { useFormContext } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ProviderField } from "@/lib/delivery";
import type { ProviderFormValues } from "./form-values";
import { SecretField } from "./secret-field";

const INPUT_TYPES: Partial<Record<ProviderField["type"], string>> = { number: "number", email: "email", url: "url" };

/** One config field of a provider kind (PROVIDER_FORMS), its message under it. */
function ConfigField({ field: f }: { field: ProviderField }) {
  const form = useFormContext<ProviderFormValues>();
  return (
    <FormField
      control={form.control}
      name={`config.${f.name}`}
      render={({ field }) =>
        f.type === "checkbox" ? (
          <FormItem className="flex items-start gap-2 sm:col-span-2">
            <FormControl>
              <Checkbox
                className="mt-1"
                checked={field.value === true}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            </FormControl>
            <div className="grid gap-0.5">
              <FormLabel>{f.label}</FormLabel>
              {f.help && <FormDescription>{f.help}</FormDescription>}
              <FormMessage />
            </div>
          </FormItem>
        ) : (
          <FormItem>
            <FormLabel>{f.label}</FormLabel>
            <FormControl>
              {f.type === "select" ? (
                <NativeSelect {...field} value={String(field.value ?? "")} className="w-full">
                  {f.options!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <Input
                  {...field}
                  value={String(field.value ?? "")}
                  type={INPUT_TYPES[f.type] ?? "text"}
                  inputMode={f.type === "number" ? "numeric" : undefined}
                  placeholder={f.placeholder}
                />
              )}
            </FormControl>
            {f.help && <FormDescription>{f.help}</FormDescription>}
            <FormMessage />
          </FormItem>
        )
      }
    />
  );
}

/** The fields of the chosen provider kind; secrets write-only (`isSet`: one is stored for this kind). */
export function ConfigFields({
  fields,
  isSet,
}: {
  fields: readonly ProviderField[];
  isSet: (name: string) => boolean;
}) {
  if (fields.length === 0) return null;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((f) =>
        f.type === "secret" ? (
          <SecretField key={f.name} field={f} isSet={isSet(f.name)} />
        ) : (
          <ConfigField key={f.name} field={f} />
        ),
      )}
    </div>
  );
}
