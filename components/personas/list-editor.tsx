"use client";

import { Plus, X } from "lucide-react";
import { useId } from "react";
import { FieldError } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A list of short sentences (goals, pain points, …): one input per entry, add and remove. */
export function ListEditor({
  label,
  hint,
  items,
  onChange,
  errorFor,
  readOnly,
  placeholder,
}: {
  label: string;
  hint?: string;
  items: string[];
  onChange: (items: string[]) => void;
  errorFor: (index: number | null) => string | undefined;
  readOnly: boolean;
  placeholder: string;
}) {
  const id = useId();
  return (
    <fieldset className="grid gap-1.5">
      <legend className="text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {items.length === 0 && readOnly && <p className="text-sm text-muted-foreground">None written yet.</p>}
      <ul className="grid gap-1.5">
        {items.map((item, i) => (
          <li key={i} className="grid gap-1">
            <div className="flex gap-1.5">
              <Label htmlFor={`${id}-${i}`} className="sr-only">{`${label} ${i + 1}`}</Label>
              <Input
                id={`${id}-${i}`}
                value={item}
                readOnly={readOnly}
                placeholder={placeholder}
                aria-invalid={Boolean(errorFor(i)) || undefined}
                onChange={(e) => onChange(items.map((old, j) => (j === i ? e.target.value : old)))}
              />
              {!readOnly && (
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  <X className="size-4" aria-hidden />
                </Button>
              )}
            </div>
            <FieldError message={errorFor(i)} />
          </li>
        ))}
      </ul>
      <FieldError message={errorFor(null)} />
      {!readOnly && items.length < 20 && (
        <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...items, ""])}>
          <Plus className="size-4" aria-hidden /> Add {label.toLowerCase().replace(/s$/, "")}
        </Button>
      )}
    </fieldset>
  );
}
