import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A loading placeholder that tells screen readers what it stands for.
 * Pass aria-hidden when several skeletons sit together and one status elsewhere already says "Loading".
 */
export function Skeleton({ className, label = "Loading…", ...props }: ComponentProps<"div"> & { label?: string }) {
  return (
    <div role="status" className={cn("rounded-md bg-muted motion-safe:animate-pulse", className)} {...props}>
      <span className="sr-only">{label}</span>
    </div>
  );
}
