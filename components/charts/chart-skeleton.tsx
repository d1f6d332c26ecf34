import { Skeleton } from "@/components/ui/skeleton";

/** What a chart looks like while its numbers load: the same height, so nothing jumps. */
export function ChartSkeleton({ label, className = "h-56" }: { label: string; className?: string }) {
  return (
    <div className="space-y-2">
      <Skeleton className="h-4 w-48" aria-hidden label="" />
      <Skeleton className={className} label={label} />
    </div>
  );
}
