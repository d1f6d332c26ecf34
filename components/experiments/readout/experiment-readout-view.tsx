import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { MetricReadout } from "@/lib/experiments";
import type { ExperimentReadout } from "@/lib/experiments/server";
import { count, DECISION_LABEL, metricName, pct } from "../format";
import { ArmsTable } from "./arms-table";
import { BreakdownTabs } from "./breakdown-tabs";
import { ConcludeForm } from "./conclude-form";
import { CumulativeLiftChart } from "./cumulative-lift-chart";
import { DecisionBanner, SrmAlarm } from "./decision-banner";
import { GuardrailsTable } from "./guardrails-table";
import { HealthPanel } from "./health-panel";
import { LiftIntervalChart, type LiftRow } from "./lift-interval-chart";

function liftRows(m: MetricReadout): LiftRow[] {
  const names = new Map(m.arms.map((a) => [a.key, a.name]));
  return (m.report?.variants ?? []).map((v) =>
    v.ok
      ? {
          key: v.name,
          name: names.get(v.name) ?? v.name,
          lift: v.lift,
          ciLow: v.ciLow,
          ciHigh: v.ciHigh,
          p: v.adjustedPValue ?? v.pValue ?? null,
        }
      : {
          key: v.name,
          name: names.get(v.name) ?? v.name,
          lift: null,
          ciLow: null,
          ciHigh: null,
          p: null,
          reason: v.reason,
        },
  );
}

/** The readout page's body: the SRM alarm first, the decision, then the numbers behind it. */
export function ExperimentReadoutView({ readout, canConclude }: { readout: ExperimentReadout; canConclude: boolean }) {
  const e = readout.experiment;
  const kind = e.primaryMetric.kind;
  const armKeys = [...e.variants.map((v) => v.key), ...(e.holdoutShare > 0 ? ["holdout"] : [])];
  const method = e.stats.method === "sequential" ? "sequential (safe to peek)" : "fixed horizon";
  return (
    <div className="grid grid-cols-1 gap-6">
      <SrmAlarm readout={readout} />
      {readout.uncounted > 0 && (
        // The readout counts a bounded batch of new events before answering; the worker adds the rest.
        <p role="status" className="rounded-md border border-dashed px-3 py-2 text-sm text-muted-foreground">
          The latest events of {readout.uncounted.toLocaleString("en")} exposed profile
          {readout.uncounted === 1 ? " are" : "s are"} still being counted: the figures below leave them out, and the
          worker adds them within seconds. Reload to see them.
        </p>
      )}
      <HealthPanel readout={readout} />
      <DecisionBanner readout={readout} />
      <Card>
        <CardContent className="grid gap-x-8 gap-y-1 pt-6 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <p>
            <span className="text-muted-foreground">Campaign:</span>{" "}
            {e.campaign ? (
              <Link className="underline underline-offset-2" href={`/campaigns/${e.campaign.id}`}>
                {e.campaign.name}
              </Link>
            ) : (
              "—"
            )}{" "}
            ({e.campaign?.channel ?? "—"})
          </p>
          <p>
            <span className="text-muted-foreground">Started:</span> {formatUtc(e.startedAt)}
          </p>
          <p>
            <span className="text-muted-foreground">Statistics:</span> {method}, α = {e.stats.alpha},{" "}
            {e.stats.correction === "holm" ? "Holm" : "Benjamini–Hochberg"}
          </p>
          <p>
            <span className="text-muted-foreground">Split:</span>{" "}
            {e.variants.map((v) => `${v.key} ${pct((1 - e.holdoutShare) * v.weight, 0)}`).join(" · ")}
            {e.holdoutShare > 0 ? ` · holdout ${pct(e.holdoutShare, 0)}` : " · no holdout"}
          </p>
          <p>
            <span className="text-muted-foreground">Planned sample:</span>{" "}
            {e.plannedSampleSize ? `${count(e.plannedSampleSize)} per arm` : "not planned"}
          </p>
          <p>
            <span className="text-muted-foreground">Excluded (exposed to more than one arm):</span>{" "}
            {count(readout.multipleExposed)}
          </p>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Primary metric · {metricName(e.primaryMetric)}</h2>
          </CardTitle>
          <CardDescription>
            Relative lift of each variant over the control (A) with its {pct(1 - e.stats.alpha, 0)} interval; p-values
            adjusted across variants{readout.secondary.length ? " and goal metrics" : ""}.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-6">
          <LiftIntervalChart rows={liftRows(readout.primary)} alpha={e.stats.alpha} caption="Lift over control" />
          <ArmsTable
            readout={readout.primary}
            kind={kind}
            currency={readout.currency}
            holdoutLift={readout.holdoutLift}
            caption="Primary metric by arm"
          />
        </CardContent>
      </Card>

      {readout.secondary.map((m, i) => (
        <Card key={m.label}>
          <CardHeader>
            <CardTitle>
              <h2>Secondary metric · {metricName(e.secondaryMetrics[i]!)}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ArmsTable
              readout={m}
              kind={e.secondaryMetrics[i]!.kind}
              currency={readout.currency}
              caption={`Secondary metric ${i + 1} by arm`}
            />
          </CardContent>
        </Card>
      ))}

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Guardrails</h2>
          </CardTitle>
          <CardDescription>
            Absolute differences in rate against the control, not corrected: a guardrail should trip easily.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <GuardrailsTable guardrails={readout.guardrails} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Cumulative lift</h2>
          </CardTitle>
          <CardDescription>
            The primary metric&apos;s lift as it stood at the end of each day. A lift that fades is a novelty effect.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CumulativeLiftChart
            points={readout.cumulative}
            variants={e.variants.slice(1).map((v) => ({ key: v.key, name: v.name }))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Breakdown</h2>
          </CardTitle>
          <CardDescription>
            The primary metric within each persona and segment — exploratory: not corrected for the many groups, so
            treat a single group&apos;s &quot;win&quot; as a lead, not a result.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BreakdownTabs
            experimentId={e.id}
            byPersona={readout.byPersona}
            bySegment={readout.bySegment}
            armKeys={armKeys}
            valueIsMoney={kind === "revenue_per_recipient"}
            currency={readout.currency}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Conclusion</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {e.status === "concluded" ? (
            <div className="grid gap-1 text-sm" aria-label="Conclusion">
              <p className="font-medium">
                {DECISION_LABEL[e.decision ?? ""] ?? e.decision}
                {e.shippedVariantKey ? ` ${e.shippedVariantKey}` : ""}
                {e.overrideReason
                  ? ` — overridden: ${e.overrideReason.replace(/\.$/, "")}, by ${e.concludedByEmail}`
                  : ` — by ${e.concludedByEmail}`}{" "}
                on {formatUtc(e.concludedAt)}
              </p>
              {e.ruleDecision && (
                <p className="text-muted-foreground">
                  The decision rule said <q>{e.ruleDecision}</q>{" "}
                  {e.overrideReason ? "— this conclusion overrode it." : "when it was concluded."}
                </p>
              )}
              <p className="whitespace-pre-line text-muted-foreground">{e.decisionNote}</p>
            </div>
          ) : canConclude ? (
            <ConcludeForm
              experimentId={e.id}
              variants={e.variants.map((v) => ({ key: v.key, name: v.name, hasVersion: Boolean(v.versionId) }))}
              rule={readout.decision}
            />
          ) : (
            <p className="text-sm text-muted-foreground">
              An analyst concludes this experiment with a decision and a note; concluding can ship the winner to the
              campaign.
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
