import { AlertOctagon, Scale } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ExperimentReadout } from "@/lib/experiments/server";
import { count, pct, pValue } from "../format";

/** The sample-ratio alarm: shown above everything, because it makes every number below unreliable. */
export function SrmAlarm({ readout }: { readout: ExperimentReadout }) {
  if (!readout.srm.alarm) return null;
  const keys = [
    ...readout.arms.map((a) => a.key),
    ...(readout.srm.observed.length > readout.arms.length ? ["holdout"] : []),
  ];
  const total = readout.srm.observed.reduce((s, n) => s + n, 0);
  return (
    <Alert variant="destructive" role="alert" aria-label="Sample ratio mismatch">
      <AlertOctagon aria-hidden />
      <AlertTitle>Sample ratio mismatch: results unreliable, check assignment</AlertTitle>
      <AlertDescription>
        <p>
          The arms did not get the split they were configured for (χ² p ={" "}
          {readout.srm.pValue === null ? "—" : pValue(readout.srm.pValue)}, alarm below 0.001). Expected{" "}
          {keys.map((k, i) => `${k} ${pct(readout.srm.expected[i] ?? 0)}`).join(", ")}; observed{" "}
          {keys
            .map(
              (k, i) =>
                `${k} ${total > 0 ? pct((readout.srm.observed[i] ?? 0) / total) : "—"} ` +
                `(${count(readout.srm.observed[i] ?? 0)})`,
            )
            .join(", ")}
          . Something sent, skipped or logged one arm differently: fix that before reading any lift.
        </p>
      </AlertDescription>
    </Alert>
  );
}

const tone = {
  srm: "destructive",
  "stop-guardrail": "destructive",
  ship: "default",
  "keep-control": "default",
  "keep-running": "default",
  "no-difference": "default",
} as const;

/** The decision rule of docs/statistics.md in one sentence. */
export function DecisionBanner({ readout }: { readout: ExperimentReadout }) {
  const d = readout.decision;
  return (
    <section aria-label="Decision">
      <Alert variant={tone[d.kind]}>
        <Scale aria-hidden />
        <AlertTitle>Decision</AlertTitle>
        <AlertDescription>
          <p className="text-base font-semibold first-letter:uppercase">{d.sentence}</p>
          <p className="text-muted-foreground">
            {d.kind === "ship" &&
              "The primary metric's lift is significant after correction and no guardrail is worse."}
            {d.kind === "keep-control" && "A variant is significantly worse than the control on the primary metric."}
            {d.kind === "keep-running" &&
              "Each variant needs at least 100 exposed profiles and 5 conversions before any call."}
            {d.kind === "no-difference" &&
              "With this much data a smaller effect than the MDE could still be there; a larger one is unlikely."}
            {d.kind === "stop-guardrail" &&
              "A guardrail metric is significantly worse for a variant: stop it, whatever the primary metric says."}
            {d.kind === "srm" && "No winner is shown while the assignment is in doubt."}
          </p>
        </AlertDescription>
      </Alert>
    </section>
  );
}
