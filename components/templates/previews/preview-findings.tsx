import { AlertTriangle, Info, XCircle } from "lucide-react";
import type { Finding } from "@/lib/templates/finding";

const ICONS = { error: XCircle, warning: AlertTriangle, info: Info } as const;
const LABELS = { error: "Error", warning: "Warning", info: "Note" } as const;

/** The findings that concern a preview, listed under it (icon and word, not colour alone). */
export function PreviewFindings({ findings }: { findings: readonly Finding[] | undefined }) {
  if (!findings?.length) return null;
  return (
    <ul className="mt-3 space-y-1 text-xs" aria-label="Findings for this preview">
      {findings.map((f, i) => {
        const Icon = ICONS[f.severity];
        return (
          <li key={`${f.code}-${f.field}-${i}`} className="flex items-start gap-1.5">
            <Icon className={f.severity === "error" ? "mt-px size-3.5 shrink-0 text-destructive" : f.severity === "warning" ? "mt-px size-3.5 shrink-0 text-warning-foreground dark:text-warning" : "mt-px size-3.5 shrink-0 text-muted-foreground"} aria-hidden />
            <span>
              <span className="font-medium">{LABELS[f.severity]}:</span> {f.message}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
