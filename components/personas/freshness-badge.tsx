import { CircleCheck, Clock } from "lucide-react";
import { formatDay } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";

/** Fresh, stale or never validated — in words and icon, never colour alone. */
export function FreshnessBadge({
  state,
  validatedAt,
}: {
  state: "fresh" | "stale" | "never";
  validatedAt: string | null;
}) {
  const when = validatedAt && formatDay(validatedAt);
  if (state === "fresh") {
    return (
      <Badge variant="success" title={`Validated ${when}`}>
        <CircleCheck aria-hidden /> Validated {when}
      </Badge>
    );
  }
  return (
    <Badge
      variant="warning"
      title={state === "never" ? "Never validated" : `Last validated ${when}: more than 6 months ago`}
    >
      <Clock aria-hidden /> {state === "never" ? "Stale · never validated" : `Stale · validated ${when}`}
    </Badge>
  );
}
