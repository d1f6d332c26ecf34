import { Badge } from "@/components/ui/badge";
import type { JourneyStatus } from "@/lib/journeys";

const VARIANT: Record<JourneyStatus, "secondary" | "outline" | "success" | "warning"> = {
  draft: "outline",
  live: "success",
  paused: "warning",
  archived: "secondary",
};

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  return (
    <Badge variant={VARIANT[status]} aria-label="Journey status">
      {status[0]!.toUpperCase() + status.slice(1)}
    </Badge>
  );
}
