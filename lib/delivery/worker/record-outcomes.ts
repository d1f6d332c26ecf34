import { db } from "@/lib/db/client";
import { writeMessageEvents, type MessageEvent } from "../message-events";
import type { ClaimedMessage } from "./claim";
import type { Exposure, SendExperiments } from "./experiment-port";
import { recordOutcomesSql, type OutcomeRow } from "./sql";

/** What became of one claimed message. */
export type Outcome = { message: ClaimedMessage; variantKey?: string | null } & (
  | {
      kind: "delivered";
      providerId: string;
      provider: string;
      versionId: string;
      locale: string;
      rendered: Record<string, unknown>;
      experimentId: string | null;
    }
  | { kind: "retry"; detail: string }
  | { kind: "failed"; detail: string }
  | { kind: "skipped"; reason: string; detail: string }
  | { kind: "deferred"; until: Date; detail: string }
  | { kind: "withheld"; experimentId: string }
  | { kind: "cancelled"; detail: string }
);

/** Transient failures are retried this many times in all, backing off 30 s, 1, 2, 4 … minutes. */
export const MAX_ATTEMPTS = 6;
const backoffMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1) * (0.8 + Math.random() * 0.4);

type Row = OutcomeRow;

function rowOf(o: Outcome, now: Date): Row {
  const base = {
    id: o.message.id,
    skipReason: null,
    detail: null,
    sendAfter: null,
    attemptsBack: 0,
    variantId: o.variantKey ?? null,
    provider: null,
    providerId: null,
    locale: null,
    rendered: null,
    sent: false,
    personaId: o.message.personaId,
  };
  switch (o.kind) {
    case "delivered":
      return {
        ...base,
        status: "delivered",
        provider: o.provider,
        providerId: o.providerId,
        locale: o.locale,
        rendered: JSON.stringify(o.rendered),
        sent: true,
      };
    case "retry":
      return o.message.attempts >= MAX_ATTEMPTS
        ? { ...base, status: "failed", detail: `Gave up after ${o.message.attempts} attempts: ${o.detail}` }
        : {
            ...base,
            status: "queued",
            detail: o.detail,
            sendAfter: new Date(now.getTime() + backoffMs(o.message.attempts)),
          };
    case "failed":
      return { ...base, status: "failed", detail: o.detail };
    case "skipped":
      return { ...base, status: "skipped", skipReason: o.reason, detail: o.detail };
    case "deferred":
      // Waiting for quiet hours to end is not a failed attempt.
      return { ...base, status: "queued", detail: o.detail, sendAfter: o.until, attemptsBack: 1 };
    case "withheld":
      return { ...base, status: "withheld" };
    case "cancelled":
      return { ...base, status: "cancelled", detail: o.detail };
  }
}

function eventsOf(o: Outcome, row: Row, now: Date): MessageEvent[] {
  const message = {
    id: o.message.id,
    campaignId: o.message.campaignId,
    profileId: o.message.profileId,
    channel: o.message.channel,
    variantId: o.variantKey ?? null,
    personaId: o.message.personaId,
  };
  if (row.status === "delivered")
    return [
      { name: "message_sent", at: now, message },
      { name: "message_delivered", at: now, message },
    ];
  if (row.status === "failed") return [{ name: "message_failed", at: now, message, properties: { error: row.detail } }];
  if (row.status === "skipped")
    return [{ name: "message_skipped", at: now, message, properties: { reason: row.skipReason, detail: row.detail } }];
  return [];
}

/**
 * Writes a batch's outcomes in one transaction: each Message's new status (only while this claim
 * still holds it — `leaseUntil` is the fencing token, so a worker that outlived its lease cannot
 * overwrite the one that took over), the message events and MessageDaily, and the exposures of
 * sent and withheld (holdout) experiment messages.
 */
export async function recordOutcomes(
  outcomes: readonly Outcome[],
  leaseUntil: Date,
  experiments: SendExperiments,
  now = new Date(),
): Promise<void> {
  if (outcomes.length === 0) return;
  const byWorkspace = new Map<string, Outcome[]>();
  for (const o of outcomes)
    byWorkspace.set(o.message.workspaceId, [...(byWorkspace.get(o.message.workspaceId) ?? []), o]);
  await db.$transaction(
    async (tx) => {
      for (const [workspaceId, list] of byWorkspace) {
        const rows = list.map((o) => rowOf(o, now));
        const updated = await tx.$queryRaw<{ id: string }[]>(recordOutcomesSql(workspaceId, rows, now, leaseUntil));
        const mine = new Set(updated.map((r) => r.id));
        const kept = list.map((o, i) => ({ o, row: rows[i]! })).filter(({ o }) => mine.has(o.message.id));
        await writeMessageEvents(
          tx,
          workspaceId,
          kept.flatMap(({ o, row }) => eventsOf(o, row, now)),
        );
        const exposures = new Map<string, Exposure[]>();
        for (const { o } of kept) {
          const experimentId = o.kind === "withheld" || o.kind === "delivered" ? o.experimentId : null;
          if (!experimentId || !o.variantKey) continue;
          exposures.set(experimentId, [
            ...(exposures.get(experimentId) ?? []),
            { profileId: o.message.profileId, variantKey: o.variantKey, exposedAt: now },
          ]);
        }
        for (const [experimentId, exposed] of exposures)
          await experiments.recordExposures(tx, workspaceId, experimentId, exposed);
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
