import { CheckCircle2 } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelSpec, Finding, Severity } from "@/lib/templates";
import { fieldLabel } from "../field-label";
import { FindingItem } from "../finding-item";

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "Notes" },
];

/**
 * Every finding of a template, errors first, each naming its field (and locale, line:column). The
 * checks run with the preview: while it is pending or when it failed there are no findings to show,
 * which must not read as "no findings".
 */
export function LintPanel({
  spec,
  findings,
  state = "checked",
}: {
  spec: ChannelSpec;
  findings: readonly Finding[];
  state?: "checked" | "pending" | "failed";
}) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Checks</h2>
        </CardTitle>
        <p className="text-sm text-muted-foreground">
          {state === "failed"
            ? "Not checked: the checks run with the preview, which did not render."
            : state === "pending"
              ? "Checking…"
              : errors === 0
                ? "Nothing blocks sending."
                : `${errors} ${errors === 1 ? "error blocks" : "errors block"} sending.`}
          {state === "checked" && warnings > 0 && ` ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`}
        </p>
      </CardHeader>
      <CardContent className="space-y-3">
        {state === "checked" && findings.length === 0 && (
          <p className="flex items-center gap-1.5 text-sm text-success">
            <CheckCircle2 className="size-4" aria-hidden /> No findings.
          </p>
        )}
        {GROUPS.map(({ severity, title }) => {
          const group = findings.filter((f) => f.severity === severity);
          if (group.length === 0) return null;
          return (
            <section key={severity} aria-label={`${title} (${group.length})`}>
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {title} ({group.length})
              </h3>
              <ul className="space-y-1.5">
                {group.map((f, i) => (
                  <FindingItem
                    key={`${f.code}-${f.locale}-${f.field}-${i}`}
                    finding={f}
                    field={fieldLabel(spec, f.field)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </CardContent>
    </Card>
  );
}
