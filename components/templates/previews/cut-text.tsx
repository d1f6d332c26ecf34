import { cn } from "@/components/ui/cn";

/**
 * Text as a surface shows it: past `limit` characters (Unicode code points, as the linter counts)
 * it ends in an ellipsis followed by a marker naming how much is hidden, so a cut is obvious in
 * the preview and readable without colour.
 */
export function CutText({ text, limit, className }: { text: string; limit: number | undefined; className?: string }) {
  const points = Array.from(text);
  if (limit === undefined || points.length <= limit) return <span className={className}>{text}</span>;
  const hidden = points.length - limit;
  return (
    <span className={className} data-truncated={hidden}>
      {points.slice(0, limit).join("")}…
      <span
        className={cn(
          "ml-1 inline-block rounded-sm border border-dashed border-red-500 bg-red-50 px-1 " +
            "align-middle text-[10px] leading-4 font-medium text-red-700 not-italic",
        )}
      >
        …cut here: {hidden} {hidden === 1 ? "character" : "characters"} hidden
      </span>
    </span>
  );
}
