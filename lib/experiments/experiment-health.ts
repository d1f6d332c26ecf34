import { estimateRate, type RateEstimate } from "@/lib/analytics/uncertainty";
import { skipReasonLabel } from "@/lib/delivery/policy/skip-reasons";
import type { LaunchRecord } from "./launch-estimate";
import { SRM_MIN_EXPOSURES } from "./stats/srm";

/*
 * Whether a readout can be read at all, before anyone reads its lifts: exposures against what the
 * launch expected, how many of the campaign's messages policy skipped and why, the sample-ratio
 * check, and silence after launch. Pure: getReadout passes the counts.
 */

export type HealthFinding = { tone: "alarm" | "warning" | "info"; text: string };

export type HealthInput = {
  now: Date;
  startedAt: string | null;
  /** Campaign status: "scheduled" has sent nothing yet, by design. */
  campaignStatus: string | null;
  /** Profiles exposed to one arm, per arm, and to more than one. */
  observed: number[];
  multipleExposed: number;
  launch: LaunchRecord | null;
  /** The experiment campaign's Message rows: all, waiting (queued or sending), skipped, and skips by reason. */
  messages: {
    total: number;
    waiting: number;
    skipped: number;
    skipReasons: { reason: string; count: number }[];
  } | null;
  srm: { pValue: number | null; alarm: boolean; reason?: string };
};

export type ExperimentHealth = {
  exposed: number;
  /** Expected exposures from the launch estimate (the first send's reach). */
  expected: number | null;
  messages: HealthInput["messages"];
  /** Skipped among the messages policy has decided (waiting ones are not yet). */
  skipped: RateEstimate | null;
  srm: { checked: boolean; pValue: number | null; alarm: boolean; reason?: string };
  findings: HealthFinding[];
  /** False when nothing below can be read: no exposures well after launch, or a sample ratio mismatch. */
  readable: boolean;
};

const HOUR = 3_600_000;
/** Sending starts within a minute or two; an hour of silence is a fault, not a delay. */
export const SILENCE_HOURS = 1;
/** Below this share of the launch estimate, the exposures are worth a warning once sending is done. */
const SHORTFALL = 0.5;

const count = (n: number) => n.toLocaleString("en");

export function experimentHealth(input: HealthInput): ExperimentHealth {
  const exposed = input.observed.reduce((s, n) => s + n, 0) + input.multipleExposed;
  const expected = input.launch && !input.launch.triggered ? input.launch.reachable : null;
  const m = input.messages;
  const decided = m ? m.total - m.waiting : 0;
  const skipped = m && decided > 0 ? estimateRate(m.skipped, decided) : null;
  const findings: HealthFinding[] = [];
  let readable = true;

  if (input.srm.alarm) {
    readable = false;
    findings.push({
      tone: "alarm",
      text:
        "Sample ratio mismatch: the arms did not get the split they were configured for, so no lift " +
        "below can be trusted.",
    });
  }
  const hours = input.startedAt ? Math.floor((input.now.getTime() - Date.parse(input.startedAt)) / HOUR) : null;
  if (exposed === 0 && input.campaignStatus !== "scheduled" && hours !== null) {
    const reasons =
      m && m.skipped > 0
        ? `: ${count(m.skipped)} of ${count(m.total)} messages were skipped ` +
          `(${m.skipReasons.map((r) => `${skipReasonLabel(r.reason).toLowerCase()}: ${count(r.count)}`).join("; ")})`
        : m && m.total === 0
          ? ": the campaign has no messages"
          : "";
    if (hours >= SILENCE_HOURS) {
      readable = false;
      findings.push({
        tone: "warning",
        text: `No exposures ${hours} hour${hours === 1 ? "" : "s"} after launch${reasons}.`,
      });
    } else findings.push({ tone: "info", text: `No exposures yet; launched less than an hour ago${reasons}.` });
  } else if (expected !== null && exposed > 0 && m && m.waiting === 0 && exposed < expected * SHORTFALL) {
    findings.push({
      tone: "warning",
      text:
        `Exposed ${count(exposed)} of the ${count(expected)} the launch estimate expected: policy ` +
        `or delivery turned away more than expected.`,
    });
  }
  const total = input.observed.reduce((s, n) => s + n, 0);
  return {
    exposed,
    expected,
    messages: m,
    skipped,
    srm: {
      checked: total >= SRM_MIN_EXPOSURES,
      pValue: input.srm.pValue,
      alarm: input.srm.alarm,
      ...(input.srm.reason ? { reason: input.srm.reason } : {}),
    },
    findings,
    readable,
  };
}
