import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/delivery";

const VARIANT: Record<CampaignStatus, "secondary" | "outline" | "success" | "warning" | "destructive" | "default"> = {
  draft: "outline",
  scheduled: "secondary",
  sending: "default",
  sent: "success",
  paused: "warning",
  cancelled: "destructive",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge variant={VARIANT[status]} aria-label="Campaign status">
      {status[0]!.toUpperCase() + status.slice(1)}
    </Badge>
  );
}
