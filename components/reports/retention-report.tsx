"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FlaskConical, Repeat } from "lucide-react";
import { cloneElement, useId } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { formatCount, shortDay } from "@/components/charts/format";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import type { Cached, ExperimentRetention, Retention } from "@/lib/analytics/server";
import { AsOf, refetchWhileRefreshing } from "./as-of";
import { ANY_ACTIVITY, experimentRetentionQuerySchema, retentionQuerySchema } from "@/lib/analytics";
import { MetricLabel } from "./metric-help";
import { ReportError } from "./report-error";
import { ReportSection } from "./report-section";
import { RetentionCurveChart } from "./retention-curve-chart";
import { RetentionGrid } from "./retention-grid";
import { useReportOptions } from "./use-report-options";
import { useReportParams } from "./use-report-params";
import { queryKeys } from "@/components/query-keys";

const toQs = (o: object) =>
  new URLSearchParams(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== "") as [string, string][],
  ).toString();

/** A label tied to its control by id, so the control's name is the label alone (not its options' text). */
function Field({ label, children }: { label: string; children: React.ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      {cloneElement(children, { id })}
    </div>
  );
}

/** The cohorts too small for the curve, as "Oct 19 (n = 12), Oct 26 (n = 3)". */
const leftOut = (retention: Retention) =>
  retention.cohorts
    .filter((c) => c.tooFew)
    .map((c) => `${shortDay(c.cohort)} (n = ${formatCount(c.size)})`)
    .join(", ");

/** The cohort grid, its curve, and exposed vs holdout for an experiment; every choice in the URL. */
export function RetentionReport() {
  const { params, set } = useReportParams();
  const options = useReportOptions();
  const parsed = retentionQuerySchema.safeParse(params);
  const parsedQuery = parsed.success
    ? parsed.data
    : retentionQuerySchema.parse({ ...params, cohort: "event", campaignId: undefined });
  const events = options.data?.events ?? [];
  // With no cohort event chosen, start from one this workspace actually has.
  const fallback = ["signup", "app_open", "session_start", "purchase"].find((e) => events.includes(e)) ?? events[0];
  const query =
    !params.cohortEvent && fallback && !events.includes(parsedQuery.cohortEvent)
      ? { ...parsedQuery, cohortEvent: fallback }
      : parsedQuery;
  const qs = toQs(query);
  const grid = useQuery({
    queryKey: queryKeys.reports.retention(qs),
    queryFn: () => apiFetch<Cached<Retention>>(`/api/reports/retention?${qs}`),
    placeholderData: keepPreviousData,
    enabled: options.isSuccess,
    refetchInterval: refetchWhileRefreshing,
  });
  const experimentId = params.experimentId ?? options.data?.experiments[0]?.id;
  const xq = experimentRetentionQuerySchema.safeParse({
    experimentId,
    returnEvent: query.returnEvent,
    period: query.period === "week" ? "week" : "day",
    periods: query.period === "week" ? 8 : 14,
    criterion: query.criterion,
  });
  const xqs = xq.success ? toQs(xq.data) : "";
  const exposure = useQuery({
    queryKey: queryKeys.reports.experimentRetention(xqs),
    queryFn: () => apiFetch<Cached<ExperimentRetention>>(`/api/reports/experiment-retention?${xqs}`),
    enabled: xq.success,
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileRefreshing,
  });
  const eventOptions = (current: string) => [...new Set([current, ...events])].filter((e) => e !== ANY_ACTIVITY);
  const unit = query.period === "week" ? "week" : "day";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Cohort by">
          <NativeSelect
            value={query.cohort}
            onChange={(e) =>
              set({
                cohort: e.target.value,
                campaignId:
                  e.target.value === "campaign" ? (query.campaignId ?? options.data?.campaigns[0]?.id) : undefined,
              })
            }
            className="w-48"
          >
            <option value="event">First occurrence of an event</option>
            <option value="campaign">First message of a campaign</option>
          </NativeSelect>
        </Field>
        {query.cohort === "event" ? (
          <Field label="Cohort event">
            <NativeSelect
              value={query.cohortEvent}
              onChange={(e) => set({ cohortEvent: e.target.value })}
              className="w-40"
            >
              {eventOptions(query.cohortEvent).map((e) => (
                <option key={e}>{e}</option>
              ))}
            </NativeSelect>
          </Field>
        ) : (
          <Field label="Campaign">
            <NativeSelect
              value={query.campaignId ?? ""}
              onChange={(e) => set({ campaignId: e.target.value })}
              className="w-48"
            >
              {(options.data?.campaigns ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
        <Field label="Returned with">
          <NativeSelect
            value={query.returnEvent}
            onChange={(e) => set({ returnEvent: e.target.value })}
            className="w-40"
          >
            <option value={ANY_ACTIVITY}>Any activity</option>
            {eventOptions(query.returnEvent).map((e) => (
              <option key={e}>{e}</option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Period">
          <NativeSelect
            value={query.period}
            onChange={(e) =>
              set({
                period: e.target.value,
                cohorts: e.target.value === "day" ? 14 : 12,
                periods: e.target.value === "day" ? 14 : 12,
              })
            }
            className="w-24"
          >
            <option value="day">Day</option>
            <option value="week">Week</option>
          </NativeSelect>
        </Field>
        <Field label="Cohorts">
          <NativeSelect value={query.mode} onChange={(e) => set({ mode: e.target.value })} className="w-32">
            <option value="first_time">First-time</option>
            <option value="recurring">Recurring</option>
          </NativeSelect>
        </Field>
        <Field label="Counts as retained">
          <NativeSelect value={query.criterion} onChange={(e) => set({ criterion: e.target.value })} className="w-48">
            <option value="on">Active on period k</option>
            <option value="on_or_after">Active on or after period k</option>
          </NativeSelect>
        </Field>
        <AsOf cache={grid.data?.cache} />
      </div>
      {!parsed.success && params.cohort === "campaign" && (
        <p className="text-sm text-muted-foreground">Pick the campaign whose first message starts each cohort.</p>
      )}
      {grid.error && <ReportError error={grid.error} />}
      <ReportSection
        title="Cohort grid"
        description={
          <>
            <MetricLabel metric="retention" />{" "}
            {query.mode === "first_time"
              ? "Each profile joins the cohort of its first-ever"
              : "A profile joins a cohort in every " + unit + " it did"}{" "}
            {query.cohort === "event" ? query.cohortEvent : "first message of the campaign"}; periods are calendar{" "}
            {unit}s (UTC).
          </>
        }
      >
        {grid.isPending ? (
          <ChartSkeleton label="Loading the cohort grid…" className="h-72" />
        ) : grid.data && grid.data.cohorts.every((c) => c.size === 0) ? (
          <EmptyState
            icon={Repeat}
            title="No cohort in these periods"
            description={
              "Nobody " +
              (query.cohort === "event" ? `did ${query.cohortEvent} for the first time` : "received this campaign") +
              ` in the last ${query.cohorts} ${unit}s. Pick an event people do (signup, first purchase, app_open), ` +
              "switch to recurring cohorts, or use weeks to look further back."
            }
          />
        ) : (
          grid.data && (
            <RetentionGrid
              retention={grid.data}
              filename={`retention-${query.period}-${query.cohort === "event" ? query.cohortEvent : query.campaignId}`}
            />
          )
        )}
      </ReportSection>
      {grid.data && grid.data.cohorts.some((c) => c.size > 0) && (
        <ReportSection
          title="Retention curve"
          description={
            `All cohorts of at least ${grid.data.minimum} profiles together: each period over the ` +
            `cohorts for which it is over (a running period is left out). Hover a point for its n and ` +
            `95 % interval.`
          }
        >
          {grid.data.cohorts.every((c) => c.size === 0 || c.tooFew) ? (
            <p className="text-sm text-muted-foreground">
              Every cohort here has fewer than {grid.data.minimum} profiles — too few to draw a curve (
              {leftOut(grid.data)}). Try weeks instead of days, recurring cohorts, or an event more profiles do.
            </p>
          ) : (
            <RetentionCurveChart
              curves={[{ key: "all", label: "All cohorts", points: grid.data.curve }]}
              period={query.period}
              showAs="Show retention curve as"
              filename={`retention-curve-${query.period}`}
              summary={
                <span>
                  {formatCount(grid.data.curve[0]?.eligible ?? 0)} profiles in{" "}
                  {grid.data.cohorts.filter((c) => c.size > 0 && !c.tooFew).length} cohorts
                  {grid.data.cohorts.some((c) => c.tooFew) &&
                    `; not included, under ${grid.data.minimum} profiles: ${leftOut(grid.data)}`}
                </span>
              }
            />
          )}
        </ReportSection>
      )}
      <ReportSection
        title="Exposed vs holdout"
        description={
          "Retention after exposure for an experiment's profiles: the holdout got nothing, everyone " +
          "else got a variant."
        }
      >
        {options.data && options.data.experiments.length === 0 ? (
          <EmptyState
            icon={FlaskConical}
            title="No experiment yet"
            description={
              "Run an experiment with a holdout: its profiles are compared here with those who got a " +
              "message, day by day after exposure — does messaging bring people back?"
            }
          />
        ) : (
          <div className="space-y-3">
            <Field label="Experiment">
              <NativeSelect
                value={experimentId ?? ""}
                onChange={(e) => set({ experimentId: e.target.value })}
                className="w-64"
              >
                {(options.data?.experiments ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            {exposure.error && <ReportError error={exposure.error} />}
            {exposure.isPending && xq.success ? (
              <ChartSkeleton label="Loading exposed vs holdout…" />
            ) : exposure.data && !exposure.data.exposed && !exposure.data.holdout ? (
              <p className="text-sm text-muted-foreground">
                This experiment has no exposures yet: profiles appear once it sends (or would have sent, for the
                holdout).
              </p>
            ) : (
              exposure.data && (
                <RetentionCurveChart
                  curves={[exposure.data.exposed, exposure.data.holdout]
                    .filter((c) => c !== null)
                    .map((c) => ({
                      key: c.arm,
                      label:
                        c.arm === "holdout" ? `Holdout (${formatCount(c.size)})` : `Exposed (${formatCount(c.size)})`,
                      points: c.points,
                    }))}
                  period={exposure.data.period}
                  showAs="Show exposed vs holdout as"
                  filename={`exposed-vs-holdout-${exposure.data.experiment.id}`}
                  summary={<span>{exposure.data.experiment.name}</span>}
                />
              )
            )}
          </div>
        )}
      </ReportSection>
    </div>
  );
}
