"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";

export type ComboOption = { value: string; label?: string; hint?: string };

/**
 * A text input that suggests options as you type (ARIA 1.2 combobox with a listbox). Free text
 * is allowed: the value is whatever is typed or picked; the schema says whether it is valid.
 */
export function Combobox({
  value,
  onChange,
  options,
  label,
  placeholder,
  disabled,
  invalid,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  options: ComboOption[];
  label: string;
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  className?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const text = query ?? value;
  const shown = useMemo(() => {
    const q = (query ?? "").toLowerCase();
    return options
      .filter((o) => !q || o.value.toLowerCase().includes(q) || o.label?.toLowerCase().includes(q))
      .slice(0, 50);
  }, [options, query]);

  const pick = (option: ComboOption) => {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, shown.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && shown[active]) {
      event.preventDefault();
      pick(shown[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
      setQuery(null);
    }
  };

  return (
    <div className={cn("relative", className)}>
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open && shown.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${id}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        disabled={disabled}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setQuery(e.target.value);
          onChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        onKeyDown={onKeyDown}
        className={
          "flex h-8 w-full min-w-0 rounded-md border border-input bg-background px-2 text-sm " +
          "shadow-xs placeholder:text-muted-foreground focus-visible:outline-hidden " +
          "focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed " +
          "disabled:opacity-60 aria-[invalid=true]:border-destructive"
        }
      />
      {open && shown.length > 0 && !disabled && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={label}
          className={
            "absolute z-40 mt-1 max-h-64 w-full min-w-56 overflow-y-auto rounded-md border bg-popover " +
            "p-1 text-sm shadow-md"
          }
        >
          {shown.map((option, i) => (
            <li
              key={option.value}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn(
                "flex cursor-default items-baseline justify-between gap-3 rounded-sm px-2 py-1",
                i === active && "bg-accent text-accent-foreground",
              )}
            >
              <span className="truncate">{option.label ?? option.value}</span>
              {option.hint && <span className="shrink-0 text-xs text-muted-foreground">{option.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
