import { SURFACE_LABELS, type FieldSpec, type Surface } from "@/lib/templates";

/**
 * A field's length against its spec: characters (code points, as the linter counts) or bytes,
 * the hard limit, the recommendation and what each surface shows. Going past one is said in
 * words ("7 hidden", "12 over") as well as colour. A field with Liquid is counted as the preview
 * rendered it (`rendered`), which is what the recipient sees, not the tags.
 */
export function FieldCounter({
  id,
  value: source,
  spec,
  surfaces,
  rendered,
}: {
  id: string;
  value: string;
  spec: FieldSpec;
  surfaces?: readonly Surface[];
  rendered?: string;
}) {
  const asRendered = rendered !== undefined && /\{\{|\{%/.test(source);
  const value = asRendered ? rendered : source;
  const chars = Array.from(value).length;
  const parts: { text: string; tone: "plain" | "warn" | "error" }[] = [];
  if (spec.maxBytes !== undefined) {
    const bytes = new TextEncoder().encode(value).length;
    parts.push({
      text:
        `${bytes.toLocaleString("en")} / ${spec.maxBytes.toLocaleString("en")} ` +
        `bytes${bytes > spec.maxBytes ? ` — ${bytes - spec.maxBytes} over` : ""}`,
      tone: bytes > spec.maxBytes ? "error" : "plain",
    });
  } else if (spec.maxLength !== undefined) {
    parts.push({
      text: `${chars} / ${spec.maxLength}${chars > spec.maxLength ? ` — ${chars - spec.maxLength} over` : ""}`,
      tone: chars > spec.maxLength ? "error" : "plain",
    });
  } else if (spec.kind !== "url") {
    parts.push({ text: `${chars} characters`, tone: "plain" });
  }
  if (spec.recommendedLength !== undefined) {
    const over = chars - spec.recommendedLength;
    parts.push({
      text: `keep to ${spec.recommendedLength}${over > 0 ? ` — ${over} over` : ""}`,
      tone: over > 0 ? "warn" : "plain",
    });
  }
  for (const surface of surfaces ?? (Object.keys(spec.visible ?? {}) as Surface[])) {
    const limit = spec.visible?.[surface];
    if (limit === undefined) continue;
    const hidden = chars - limit;
    parts.push({
      text: `${SURFACE_LABELS[surface]} shows ${limit}${hidden > 0 ? ` — ${hidden} hidden` : ""}`,
      tone: hidden > 0 ? "warn" : "plain",
    });
  }
  if (parts.length === 0) return null;
  if (asRendered) parts.push({ text: "as the preview renders it", tone: "plain" });
  return (
    <p id={id} className="text-xs text-muted-foreground tabular-nums">
      {parts.map((p, i) => (
        <span
          key={i}
          className={
            p.tone === "error"
              ? "font-medium text-destructive"
              : p.tone === "warn"
                ? "font-medium text-warning-foreground dark:text-warning"
                : undefined
          }
        >
          {i > 0 && " · "}
          {p.text}
        </span>
      ))}
    </p>
  );
}
