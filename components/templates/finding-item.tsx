import { AlertTriangle, Info, XCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { Finding } from "@/lib/templates";

const ICONS = { error: XCircle, warning: AlertTriangle, info: Info } as const;
const WORDS = { error: "Error", warning: "Warning", info: "Note" } as const;
const TONES = {
  error: "text-destructive",
  warning: "text-warning-foreground dark:text-warning",
  info: "text-muted-foreground",
} as const;

/** One finding: severity as icon and word, the field it is about, its message and, for Liquid, line:column. */
export function FindingItem({ finding, field, className }: { finding: Finding; field?: string; className?: string }) {
  const Icon = ICONS[finding.severity];
  return (
    <li className={cn("flex items-start gap-1.5 text-xs", className)}>
      <Icon className={cn("mt-px size-3.5 shrink-0", TONES[finding.severity])} aria-hidden />
      <span>
        <span className={cn("font-medium", TONES[finding.severity])}>{WORDS[finding.severity]}</span>
        {field && <span className="font-medium"> · {field}</span>}
        {finding.line !== undefined && (
          <span className="font-mono" title={`line ${finding.line}, column ${finding.column ?? 1}`}>
            {" "}
            · {finding.line}:{finding.column ?? 1}
          </span>
        )}
        {finding.locale && finding.locale !== "default" && <span> · {finding.locale}</span>}
        <span>: {finding.message}</span>
      </span>
    </li>
  );
}
