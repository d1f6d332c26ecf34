import { Archive } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** Marks an archived segment, persona or template wherever it is still shown. */
export function ArchivedBadge() {
  return (
    <Badge variant="secondary">
      <Archive aria-hidden /> Archived
    </Badge>
  );
}
