import { db } from "@/lib/db/client";
import { listTraitCatalog, type CatalogEntry } from "@/lib/profiles/list-trait-catalog";
import { walk } from "@/lib/segments/schema";
import { type SampleProfile } from "@/lib/segments/list-audience";
import { checkPersona, storeLastCheck, type PersonaCheck } from "./check-persona";
import {
  claimInsights,
  computePersonaInsights,
  dayStartUtc,
  INSIGHT_LEASE_MS,
  type ChildShare,
  type StoredInsights,
} from "./compute-persona-insights";
import type { PersonaDetail } from "./get-persona";
import { insightBasis, type InsightSubject } from "./insight-basis";

export type PersonaInsights = PersonaCheck & {
  // When the stored figures were computed (null: never yet) and what the last computation cost.
  asOf: string | null;
  durationMs: number | null;
  // A computation running now (it started at `since`; `estimateMs` is the last one's duration).
  computing: { since: string; estimateMs: number | null } | null;
  // Why the last computation failed, when it did.
  failed: string | null;
  sample: SampleProfile[];
  children: ChildShare[];
  // Flagged catalog traits; `used` when the bound segment's own conditions read them.
  flaggedTraits: (CatalogEntry & { used: boolean })[];
};

/** The stored sample's profiles as they are now, in the stored order; erased ones drop out. */
async function readSample(workspaceId: string, ids: string[]): Promise<SampleProfile[]> {
  if (ids.length === 0) return [];
  const rows = await db.profile.findMany({
    where: { workspaceId, id: { in: ids } },
    select: {
      id: true,
      externalId: true,
      email: true,
      country: true,
      platform: true,
      ltv: true,
      ordersCount: true,
      lastSeenAt: true,
    },
  });
  const byId = new Map(
    rows.map((r) => [r.id, { ...r, ltv: r.ltv.toFixed(2), lastSeenAt: r.lastSeenAt?.toISOString() ?? null }]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * When nothing current is stored, starts computing in the background without waiting for it —
 * unless a concurrent request or a worker claimed it first — and returns true: the stored row has
 * changed (a claim, or figures that just arrived) and is worth reading again.
 */
async function refreshIfStale(
  workspaceId: string,
  subject: InsightSubject,
  stored: { basis: string | null; asOf: Date | null } | null,
  now: Date,
): Promise<boolean> {
  const basis = await insightBasis(workspaceId, subject);
  if (stored?.asOf && stored.basis === basis && stored.asOf >= dayStartUtc(now)) return false;
  const claim = await claimInsights(workspaceId, subject.id, basis, now);
  if (claim)
    void computePersonaInsights(workspaceId, subject, claim).catch((error) =>
      console.error(`persona ${subject.id}: insights claim not released`, error),
    );
  return true;
}

/**
 * The data side of the persona page, from the stored computation (see compute-persona-insights):
 * never computed on the request. When nothing is stored, or it is stale (the audience's definition
 * changed, or it predates today's daily check), a computation starts in the background and the
 * answer says so (`computing`); the client asks again until it is done. Assumption verdicts are
 * worked out now from the stored figures, so they follow the persona's current claims.
 */
export async function getPersonaInsights(
  workspaceId: string,
  persona: PersonaDetail,
  now = new Date(),
): Promise<PersonaInsights> {
  const subject: InsightSubject = {
    id: persona.id,
    segmentId: persona.segment?.id ?? null,
    children: persona.children,
  };
  const read = () =>
    db.personaInsight.findUnique({
      where: { workspaceId_personaId: { workspaceId, personaId: persona.id } },
      include: { persona: { select: { lastCheck: true } } },
    });
  let stored = subject.segmentId ? await read() : null;
  const running = (row: typeof stored) =>
    row?.computingSince && row.computingSince.getTime() > now.getTime() - INSIGHT_LEASE_MS ? row.computingSince : null;
  if (subject.segmentId && !running(stored) && (await refreshIfStale(workspaceId, subject, stored, now)))
    stored = await read();

  const data = stored?.asOf ? (stored.data as unknown as StoredInsights) : null;
  const { lastCheck, ...check } = checkPersona(persona, data?.stats ?? null, stored?.asOf ?? null);
  const used = new Set(
    persona.segment?.definition
      ? [...walk(persona.segment.definition.root)].flatMap(({ node }) => (node.kind === "trait" ? [node.field] : []))
      : [],
  );
  const [sample, catalog] = await Promise.all([
    readSample(workspaceId, data?.sampleIds ?? []),
    listTraitCatalog(workspaceId),
    storeLastCheck(workspaceId, persona.id, lastCheck, stored?.persona.lastCheck ?? null),
  ]);
  const since = running(stored);
  return {
    ...check,
    asOf: stored?.asOf?.toISOString() ?? null,
    durationMs: stored?.durationMs ?? null,
    computing: since ? { since: since.toISOString(), estimateMs: stored?.durationMs ?? null } : null,
    failed: since ? null : (stored?.error ?? null),
    sample,
    children: data?.children ?? [],
    flaggedTraits: catalog.filter((t) => t.flag).map((t) => ({ ...t, used: used.has(t.key) })),
  };
}
