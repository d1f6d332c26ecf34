"use client";

import { useState } from "react";
import { seriesColour, seriesDash } from "./palette";

/** Which series a chart hides; the legend toggles them. */
export function useHiddenSeries() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return { hidden, toggle, isHidden: (key: string) => hidden.has(key) };
}

/** A legend of toggle buttons: swatch with the series' colour and dash, pressed = shown. */
export function SeriesLegend({
  series,
  hidden,
  onToggle,
  label,
  shape = "line",
}: {
  series: { key: string; label: string; index: number }[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  label: string;
  shape?: "line" | "square";
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1.5">
      {series.map((s) => {
        const shown = !hidden.has(s.key);
        return (
          <button
            key={s.key}
            type="button"
            aria-pressed={shown}
            onClick={() => onToggle(s.key)}
            className={
              "inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs hover:bg-muted " +
              "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden " +
              "aria-[pressed=false]:text-muted-foreground aria-[pressed=false]:line-through"
            }
          >
            {shape === "square" ? (
              <svg width="10" height="10" aria-hidden>
                <rect width="10" height="10" rx="2" fill={seriesColour(s.index)} opacity={shown ? 1 : 0.35} />
              </svg>
            ) : (
              <svg width="18" height="8" aria-hidden>
                <line
                  x1="1"
                  y1="4"
                  x2="17"
                  y2="4"
                  stroke={seriesColour(s.index)}
                  strokeWidth="2.5"
                  strokeDasharray={seriesDash(s.index)}
                  opacity={shown ? 1 : 0.35}
                />
              </svg>
            )}
            {s.label}
          </button>
        );
      })}
    </div>
  );
}
