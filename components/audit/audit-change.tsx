// Values longer than this (a segment definition, a template's content) fold into a disclosure
// instead of one unbreakable line of JSON that pushed the column off the page.
const INLINE_CHARS = 80;

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <>∅</>;
  const inline = typeof value === "string" ? value : JSON.stringify(value);
  if (inline.length <= INLINE_CHARS) return <>{inline}</>;
  return (
    <details className="inline-block max-w-full align-top">
      <summary className="cursor-pointer [overflow-wrap:anywhere]">{inline.slice(0, INLINE_CHARS)}…</summary>
      <pre
        className={
          "mt-1 max-h-80 overflow-auto rounded-md bg-muted p-2 text-xs whitespace-pre-wrap " +
          "text-foreground [overflow-wrap:anywhere]"
        }
      >
        {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

/** The fields an audit row changed, as "field: before → after"; whole values when nothing overlaps. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]));
  if (changed.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="min-w-64 space-y-0.5 text-sm [overflow-wrap:anywhere]">
      {changed.map((key) => (
        <li key={key}>
          <span className="text-muted-foreground">{key}:</span>{" "}
          {key in b && (
            <del className="text-destructive decoration-destructive/60">
              <Value value={b[key]} />
            </del>
          )}
          {key in b && key in a && " → "}
          {key in a && (
            <ins className="text-success no-underline">
              <Value value={a[key]} />
            </ins>
          )}
        </li>
      ))}
    </ul>
  );
}
