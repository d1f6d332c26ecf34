"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle, Calculator, Loader2 } from "lucide-react";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { Figure, ExperimentDraft } from "@/lib/experiments";
import type { ExperimentPlan } from "@/lib/experiments/server";
import { count, metricValue, pct } from "./format";

function Row({ label, figure, show }: { label: string; figure: Figure | null; show: (x: number) => string }) {
  if (!figure) return null;
  return (
    <div className="flex justify-between gap-4 border-b py-1.5 text-sm last:border-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium tabular-nums">
        {figure.ok ? show(figure.value) : <span className="font-normal text-muted-foreground">{figure.reason}</span>}
      </dd>
    </div>
  );
}

/**
 * The pre-launch calculator: the server counts the audience and reads the metric's baseline from
 * past messages of the channel; this panel asks for power at an MDE, or the MDE at a power.
 */
export function CalculatorPanel({ draft, onPlan }: { draft: ExperimentDraft; onPlan: (perArm: number) => void }) {
  const [solve, setSolve] = useState<"power" | "mde">("power");
  const [mde, setMde] = useState(10);
  const [power, setPower] = useState(80);
  const [rate, setRate] = useState("");
  const calc = useMutation({
    mutationFn: () =>
      apiFetch<{ plan: ExperimentPlan }>("/api/experiments/calculator", {
        method: "POST",
        body: {
          channel: draft.channel,
          audience: draft.audience,
          metric: draft.primaryMetric,
          weights: draft.variants.map((v) => v.weight),
          holdoutShare: draft.holdoutShare ?? 0.1,
          alpha: draft.stats?.alpha ?? 0.05,
          target: solve === "power" ? { solve, mde: mde / 100 } : { solve, power: power / 100 },
          plannedSampleSize: draft.plannedSampleSize ?? null,
          sendRatePerDay: rate === "" ? null : Number(rate),
        },
      }),
  });
  const plan = calc.data?.plan;
  const kind = draft.primaryMetric.kind;
  return (
    <Card className="h-fit xl:sticky xl:top-4">
      <CardHeader>
        <CardTitle>
          <h2 className="flex items-center gap-2">
            <Calculator className="size-4" aria-hidden /> Sample-size calculator
          </h2>
        </CardTitle>
        <CardDescription>
          From this audience&apos;s size and the metric&apos;s baseline in past {draft.channel} sends.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          className="grid gap-3"
          aria-label="Calculator"
          onSubmit={(e) => {
            e.preventDefault();
            calc.mutate();
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="calc-solve">Solve for</Label>
            <NativeSelect id="calc-solve" value={solve} onChange={(e) => setSolve(e.target.value as "power" | "mde")}>
              <option value="power">Power at a minimum detectable effect</option>
              <option value="mde">Minimum detectable effect at a power</option>
            </NativeSelect>
          </div>
          {solve === "power" ? (
            <div className="grid gap-1.5">
              <Label htmlFor="calc-mde">Minimum detectable effect (relative, %)</Label>
              <Input
                id="calc-mde"
                type="number"
                min={0.1}
                step="0.1"
                value={mde}
                onChange={(e) => setMde(Number(e.target.value))}
              />
            </div>
          ) : (
            <div className="grid gap-1.5">
              <Label htmlFor="calc-power">Power (%)</Label>
              <Input
                id="calc-power"
                type="number"
                min={10}
                max={99}
                value={power}
                onChange={(e) => setPower(Number(e.target.value))}
              />
            </div>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="calc-rate">Send rate (profiles per day)</Label>
            <Input
              id="calc-rate"
              type="number"
              min={1}
              placeholder="from recent sends"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={calc.isPending}>
            {calc.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Calculate
          </Button>
        </form>
        {calc.error && <FormAlert message={calc.error.message} />}
        {plan && (
          <section aria-label="Calculator result" className="grid gap-3">
            <dl>
              <Row
                label="Audience"
                figure={{ ok: true, value: plan.audienceSize }}
                show={(x) => `${count(x)} profiles`}
              />
              <Row
                label={plan.baseline.scope === "audience" ? "Baseline (this audience)" : "Baseline (whole channel)"}
                figure={
                  plan.baseline.scope === "none"
                    ? { ok: false, reason: plan.baseline.reason }
                    : { ok: true, value: plan.baseline.mean }
                }
                show={(x) =>
                  metricValue(kind, x, plan.currency) +
                  (plan.baseline.scope !== "none" ? ` of ${count(plan.baseline.units)}` : "")
                }
              />
              <Row label="Per arm, whole audience" figure={{ ok: true, value: plan.perArmAvailable }} show={count} />
              <Row label={`Power at ${mde} % MDE`} figure={plan.power} show={(x) => pct(x, 0)} />
              <Row label={`MDE at ${power} % power`} figure={plan.mde} show={(x) => `${pct(x)} relative`} />
              <Row
                label={solve === "power" ? "Needed per arm (80 % power)" : "Per arm evaluated"}
                figure={plan.neededPerArm}
                show={count}
              />
              <Row label="Profiles to expose" figure={plan.neededTotal} show={count} />
              <Row
                label={
                  `Days at ${plan.sendRatePerDay ? count(plan.sendRatePerDay) : "?"}/day` +
                  (plan.sendRateSource === "history" ? " (recent sends)" : "")
                }
                figure={plan.days}
                show={(x) => `${count(x)} ${x === 1 ? "day" : "days"}`}
              />
            </dl>
            {plan.warnings.map((w) => (
              <Alert key={w} variant="warning">
                <AlertTriangle aria-hidden />
                <AlertDescription>{w}</AlertDescription>
              </Alert>
            ))}
            {plan.neededPerArm.ok && (
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => plan.neededPerArm.ok && onPlan(plan.neededPerArm.value)}
              >
                Use {count(plan.neededPerArm.value)} per arm as the planned sample
              </Button>
            )}
          </section>
        )}
      </CardContent>
    </Card>
  );
}
