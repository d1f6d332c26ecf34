import { CircleCheck, CircleHelp, CircleMinus, CircleX, MessageSquareText } from "lucide-react";
import type { AssumptionStatus, AssumptionVerdict } from "@/lib/personas";

const LOOK: Record<AssumptionStatus, { label: string; icon: typeof CircleCheck; tone: string }> = {
  confirmed: { label: "Confirmed", icon: CircleCheck, tone: "text-success" },
  contradicted: { label: "Contradicted", icon: CircleX, tone: "text-destructive" },
  inconclusive: { label: "Inconclusive", icon: CircleMinus, tone: "text-warning-foreground dark:text-warning" },
  no_data: { label: "No data", icon: CircleHelp, tone: "text-muted-foreground" },
  not_checkable: { label: "Not checkable", icon: MessageSquareText, tone: "text-muted-foreground" },
};

/** Each assumption with its verdict in words and icon, and the figure that decided it. */
export function AssumptionVerdicts({ verdicts }: { verdicts: AssumptionVerdict[] }) {
  if (verdicts.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No assumptions yet. Add claims like “≥ 60 % are on iOS” in the editor and they are checked here against the
        audience.
      </p>
    );
  }
  return (
    <ul className="divide-y">
      {verdicts.map((v) => {
        const look = LOOK[v.status];
        const Icon = look.icon;
        return (
          <li key={v.id} className="flex gap-3 py-2.5" aria-label={`${v.statement}: ${look.label}`}>
            <Icon className={`mt-0.5 size-5 shrink-0 ${look.tone}`} aria-hidden />
            <div className="min-w-0">
              <p className="text-sm font-medium">
                {v.statement}{" "}
                <span className={`ml-1 text-xs font-semibold uppercase tracking-wide ${look.tone}`}>{look.label}</span>
              </p>
              {v.actual && <p className="text-sm text-muted-foreground">{v.actual}</p>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
