/** The fields an audit row changed, as "field: before → after"; whole values when nothing overlaps. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]));
  if (changed.length === 0) return <span className="text-muted-foreground">—</span>;
  const show = (value: unknown) => (value === undefined ? "∅" : typeof value === "string" ? value : JSON.stringify(value));
  return (
    <ul className="space-y-0.5 text-sm">
      {changed.map((key) => (
        <li key={key}>
          <span className="text-muted-foreground">{key}:</span>{" "}
          {key in b && <del className="text-destructive decoration-destructive/60">{show(b[key])}</del>}
          {key in b && key in a && " → "}
          {key in a && <ins className="text-success no-underline">{show(a[key])}</ins>}
        </li>
      ))}
    </ul>
  );
}
