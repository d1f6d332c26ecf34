import type { ReactNode } from "react";

/** A two-column list of named values; empty values show as a dash, never as a blank. */
export function KeyValues({
  entries,
  empty = "Nothing recorded yet.",
}: {
  entries: [string, ReactNode][];
  empty?: string;
}) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-muted-foreground">{key}</dt>
          <dd className="min-w-0 break-words">{value === null || value === undefined || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}
