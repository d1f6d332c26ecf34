import { AlertOctagon, AlertTriangle, CheckCircle2, Info } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { skipReasonLabel } from "@/lib/delivery";
import type { ExperimentReadout } from "@/lib/experiments/server";
import { SRM_MIN_EXPOSURES } from "@/lib/experiments";
import { count, pct, pValue } from "../format";

const icon = { alarm: AlertOctagon, warning: AlertTriangle, info: Info } as const;

/**
 * Whether the numbers below can be read at all: exposures against the launch estimate, what policy
 * skipped and why, the sample-ratio check, silence after launch. Above the decision, because a
 * "keep running" over nobody exposed is not a result.
 */
export function HealthPanel({ readout }: { readout: ExperimentReadout }) {
  const h = readout.health;
  const worst = h.findings.some((f) => f.tone === "alarm")
    ? "alarm"
    : h.findings.some((f) => f.tone === "warning")
      ? "warning"
      : null;
  const Icon = worst ? icon[worst] : h.exposed === 0 ? Info : CheckCircle2;
  return (
    <section aria-label="Health">
      <Alert variant={worst === "alarm" ? "destructive" : worst === "warning" ? "warning" : "default"}>
        <Icon aria-hidden />
        <AlertTitle>
          {!h.readable
            ? "Health: the results below cannot be read"
            : worst
              ? "Health: read with care"
              : h.exposed === 0
                ? "Health: waiting for the first exposures"
                : "Health: no problem found"}
        </AlertTitle>
        <AlertDescription className="grid gap-2">
          {h.findings.length > 0 && (
            <ul className="grid gap-1">
              {h.findings.map((f) => (
                <li key={f.text} className={f.tone === "info" ? "text-muted-foreground" : "font-medium"}>
                  {f.text}
                </li>
              ))}
            </ul>
          )}
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-muted-foreground">Exposed</dt>
              <dd className="tabular-nums">
                {count(h.exposed)}
                {h.expected !== null
                  ? ` of ${count(h.expected)} expected at launch`
                  : readout.experiment.launchEstimate?.triggered
                    ? " (triggered: no one-off estimate)"
                    : " (no launch estimate kept)"}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Skipped</dt>
              <dd className="tabular-nums">
                {!h.messages || h.messages.total === 0 ? (
                  "no messages recorded"
                ) : !h.skipped ? (
                  "nothing decided yet"
                ) : (
                  <>
                    {count(h.skipped.numerator)} of {count(h.skipped.n)} messages
                    {h.skipped.tooFew || h.skipped.value === null
                      ? " (too few for a share)"
                      : ` (${pct(h.skipped.value, 0)})`}
                  </>
                )}
              </dd>
              {h.messages && h.messages.skipReasons.length > 0 && (
                <dd>
                  <ul className="text-muted-foreground">
                    {h.messages.skipReasons.map((r) => (
                      <li key={r.reason} className="tabular-nums">
                        {skipReasonLabel(r.reason)}: {count(r.count)}
                      </li>
                    ))}
                  </ul>
                </dd>
              )}
            </div>
            <div>
              <dt className="text-muted-foreground">Sample ratio</dt>
              <dd className="tabular-nums">
                {h.srm.reason
                  ? h.srm.reason
                  : !h.srm.checked
                    ? `not checked below ${count(SRM_MIN_EXPOSURES)} exposures`
                    : h.srm.alarm
                      ? `mismatch (p = ${pValue(h.srm.pValue ?? 0)})`
                      : `as configured (p = ${pValue(h.srm.pValue ?? 1)})`}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Campaign messages</dt>
              <dd className="tabular-nums">
                {!h.messages || h.messages.total === 0
                  ? "none recorded"
                  : count(h.messages.total) +
                    (h.messages.waiting > 0 ? `, ${count(h.messages.waiting)} still waiting` : ", none waiting")}
              </dd>
            </div>
          </dl>
        </AlertDescription>
      </Alert>
    </section>
  );
}
