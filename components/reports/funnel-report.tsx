"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Filter } from "lucide-react";
import { apiFetch } from "@/components/api-fetch";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, formatDuration, formatPercent, shortDay } from "@/components/charts/format";
import { SeriesLegend, useHiddenSeries } from "@/components/charts/series-legend";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { Cached, Funnel } from "@/lib/analytics/server";
import { AsOf, refetchWhileRefreshing } from "./as-of";
import { funnelQuerySchema } from "@/lib/analytics";
import { FunnelBuilder } from "./funnel-builder";
import { RangePicker } from "./range-picker";
import { ReportError } from "./report-error";
import { ReportSection } from "./report-section";
import { useReportOptions } from "./use-report-options";
import { useReportParams } from "./use-report-params";
import { queryKeys } from "@/components/query-keys";

const DEFAULT_STEPS = "product_view,add_to_cart,checkout_start,purchase";

function FunnelChart({ funnel }: { funnel: Funnel }) {
  const last = funnel.total.at(-1)!;
  const windowLabel = formatDuration(funnel.windowHours * 3600);
  return (
    <ChartWithTable
      showAs="Show funnel as"
      summary={
        <span>
          <span className="font-medium text-foreground">{formatPercent(last.conversion)}</span> of{" "}
          {formatCount(funnel.total[0]!.reached)} profiles converted within {windowLabel} · median time to convert{" "}
          <span className="font-medium text-foreground">{formatDuration(last.medianSeconds)}</span>
        </span>
      }
      csv={{
        filename: `funnel-${funnel.range.from}-${funnel.range.to}`,
        header: [
          "step",
          "event",
          "profiles",
          "conversion_from_first",
          "conversion_from_previous",
          "drop_off",
          "median_seconds_from_first",
        ],
        rows: funnel.total.map((s) => [
          s.step,
          s.event,
          s.reached,
          s.conversion,
          s.fromPrevious,
          s.dropOff,
          s.medianSeconds,
        ]),
      }}
      columns={[
        { header: "Step" },
        { header: "Profiles", numeric: true },
        { header: "Of step 1", numeric: true },
        { header: "Of previous step", numeric: true },
        { header: "Dropped off", numeric: true },
        { header: "Median time from step 1", numeric: true },
      ]}
      rows={funnel.total.map((s) => ({
        key: String(s.step),
        cells: [
          `${s.step}. ${s.event}`,
          formatCount(s.reached),
          formatPercent(s.conversion),
          s.step === 1 ? "—" : formatPercent(s.fromPrevious),
          s.step === 1 ? "—" : formatCount(s.dropOff),
          formatDuration(s.medianSeconds),
        ],
      }))}
      height="h-72"
      chart={
        <BarListChart
          data={funnel.total.map((s) => ({ step: `${s.step}. ${s.event}`, reached: s.reached }))}
          categoryKey="step"
          series={[{ key: "reached", label: "Profiles", index: 0 }]}
          format={formatCount}
          label={`Funnel: ${funnel.total.map((s) => `${s.event} ${formatCount(s.reached)}`).join(", ")}`}
        />
      }
    />
  );
}

function FunnelBreakdown({ funnel }: { funnel: Funnel }) {
  const { hidden, toggle } = useHiddenSeries();
  const groups = funnel.groups.slice(0, 8);
  const series = groups.map((g, i) => ({ key: `g${i}`, label: g.label, index: i }));
  const data = funnel.steps.map((event, k) => {
    const row: Record<string, string | number | null> = { step: `${k + 1}. ${event}` };
    groups.forEach((g, i) => (row[`g${i}`] = g.steps[k]!.conversion));
    return row;
  });
  const label = funnel.breakdown === "persona" ? "Persona" : "Platform";
  return (
    <ChartWithTable
      showAs={`Show funnel by ${label.toLowerCase()} as`}
      summary={<span>Conversion from step 1, per {label.toLowerCase()}</span>}
      toolbar={
        <SeriesLegend shape="square" label={`${label}s shown`} series={series} hidden={hidden} onToggle={toggle} />
      }
      csv={{
        filename: `funnel-by-${funnel.breakdown}`,
        header: [
          label.toLowerCase(),
          ...funnel.steps.flatMap((e, k) => [`step_${k + 1}_${e}_profiles`, `step_${k + 1}_conversion`]),
        ],
        rows: funnel.groups.map((g) => [g.label, ...g.steps.flatMap((s) => [s.reached, s.conversion])]),
      }}
      columns={[
        { header: label },
        ...funnel.steps.map((e, k) => ({ header: `${k + 1}. ${e}`, numeric: true })),
        { header: "Median time to convert", numeric: true },
      ]}
      rows={funnel.groups.map((g) => ({
        key: g.key,
        cells: [
          g.label,
          ...g.steps.map((s) => `${formatCount(s.reached)} (${formatPercent(s.conversion)})`),
          formatDuration(g.steps.at(-1)!.medianSeconds),
        ],
      }))}
      height="h-72"
      chart={
        <BarListChart
          data={data}
          categoryKey="step"
          series={series}
          hidden={hidden}
          format={(v) => formatPercent(v)}
          label={`Funnel conversion by ${label.toLowerCase()}`}
          rowHeight={22}
        />
      }
    />
  );
}

/** Build a funnel of 2–6 steps with a conversion window; read conversion, drop-off and time to convert. */
export function FunnelReport() {
  const { params, set } = useReportParams();
  const options = useReportOptions();
  const parsed = funnelQuerySchema.safeParse({ steps: DEFAULT_STEPS, ...params });
  const query = parsed.success ? parsed.data : funnelQuerySchema.parse({ steps: DEFAULT_STEPS });
  const qs = new URLSearchParams({
    ...Object.fromEntries(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ),
    steps: query.steps.join(","),
  }).toString();
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.reports.funnel(qs),
    queryFn: () => apiFetch<Cached<Funnel>>(`/api/reports/funnel?${qs}`),
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileRefreshing,
  });
  const windowDays = query.windowHours % 24 === 0;
  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <div className="space-y-4">
        <ReportSection title="Steps">
          <FunnelBuilder
            steps={query.steps}
            events={options.data?.events ?? []}
            onChange={(steps) => set({ steps: steps.join(",") })}
          />
        </ReportSection>
        <ReportSection title="Settings">
          <div className="space-y-3">
            <RangePicker range={query.range} from={query.from} to={query.to} onChange={(patch) => set(patch)} />
            <div className="flex items-end gap-2">
              <label className="grid gap-1 text-xs font-medium">
                Conversion window
                <Input
                  type="number"
                  min={1}
                  className="h-8 w-20"
                  defaultValue={windowDays ? query.windowHours / 24 : query.windowHours}
                  key={`${query.windowHours}`}
                  onBlur={(e) => {
                    const n = Number(e.target.value);
                    if (Number.isInteger(n) && n > 0) set({ windowHours: windowDays ? n * 24 : n });
                  }}
                  onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
                />
              </label>
              <label className="grid gap-1 text-xs font-medium">
                <span className="sr-only">Window unit</span>
                <NativeSelect
                  aria-label="Window unit"
                  value={windowDays ? "days" : "hours"}
                  onChange={(e) =>
                    set({
                      windowHours:
                        e.target.value === "days"
                          ? Math.max(1, Math.round(query.windowHours / 24)) * 24
                          : query.windowHours === 24
                            ? 23
                            : query.windowHours,
                    })
                  }
                  className="w-24"
                >
                  <option value="days">days</option>
                  <option value="hours">hours</option>
                </NativeSelect>
              </label>
            </div>
            <p className="text-xs text-muted-foreground">
              Measured from each profile&apos;s first step 1 in the range; steps must happen in order.
            </p>
            <label className="grid gap-1 text-xs font-medium">
              Break down by
              <NativeSelect
                value={query.breakdown}
                onChange={(e) => set({ breakdown: e.target.value })}
                className="w-40"
              >
                <option value="none">Nothing</option>
                <option value="persona">Persona</option>
                <option value="platform">Platform (channel)</option>
              </NativeSelect>
            </label>
          </div>
        </ReportSection>
      </div>
      <div className="space-y-4">
        {!parsed.success && (
          <ReportError error={new Error(parsed.error.issues[0]?.message ?? "Check the funnel's settings.")} />
        )}
        {error && <ReportError error={error} />}
        <AsOf cache={data?.cache} />
        {isPending ? (
          <ChartSkeleton label="Building the funnel…" className="h-72" />
        ) : data && data.total[0]!.reached === 0 ? (
          <EmptyState
            icon={Filter}
            title="Nobody started this funnel"
            description={
              `No profile did ${data.steps[0]} between ${shortDay(data.range.from)} and ` +
              `${shortDay(data.range.to)}. Pick a first step people do often (product_view, app_open), or ` +
              `a longer range.`
            }
          />
        ) : (
          data && (
            <>
              <ReportSection
                title="Conversion"
                description={`${shortDay(data.range.from)} – ${shortDay(data.range.to)} (UTC)`}
              >
                <FunnelChart funnel={data} />
              </ReportSection>
              {data.breakdown !== "none" && data.groups.length > 0 && (
                <ReportSection title={`By ${data.breakdown === "persona" ? "persona" : "platform"}`}>
                  <FunnelBreakdown funnel={data} />
                </ReportSection>
              )}
            </>
          )
        )}
      </div>
    </div>
  );
}
