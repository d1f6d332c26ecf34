"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";

/**
 * An ordered choice from a fixed set (priorities, preferred channels): tick what applies, then
 * order it with the arrows — the first is what the persona cares about (or prefers) most.
 */
export function RankedPicker<T extends string>({
  legend,
  hint,
  options,
  labels,
  value,
  onChange,
  readOnly,
}: {
  legend: string;
  hint: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T[];
  onChange: (value: T[]) => void;
  readOnly: boolean;
}) {
  const id = useId();
  const unpicked = options.filter((o) => !value.includes(o));
  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="grid gap-1.5">
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-muted-foreground">{hint}</p>
      <ol className="grid gap-1" aria-label={`${legend}, ranked`}>
        {value.map((option, i) => (
          <li key={option} className="flex items-center gap-2 rounded-md border px-2 py-1 text-sm">
            <span className="w-5 text-right tabular-nums text-muted-foreground">{i + 1}.</span>
            <label className="flex flex-1 items-center gap-2">
              <input
                type="checkbox"
                checked
                disabled={readOnly}
                onChange={() => onChange(value.filter((v) => v !== option))}
              />
              {labels[option]}
            </label>
            {!readOnly && (
              <>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  disabled={i === 0}
                  aria-label={`Move ${labels[option]} up`}
                  onClick={() => move(i, i - 1)}
                >
                  <ArrowUp className="size-4" aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  disabled={i === value.length - 1}
                  aria-label={`Move ${labels[option]} down`}
                  onClick={() => move(i, i + 1)}
                >
                  <ArrowDown className="size-4" aria-hidden />
                </Button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && unpicked.length > 0 && (
        <div className="flex flex-wrap gap-x-4 gap-y-1 pl-7 text-sm text-muted-foreground">
          {unpicked.map((option) => (
            <label key={option} htmlFor={`${id}-${option}`} className="flex items-center gap-1.5">
              <input
                id={`${id}-${option}`}
                type="checkbox"
                checked={false}
                onChange={() => onChange([...value, option])}
              />
              {labels[option]}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
