import { AppError } from "@/lib/http/errors";

/*
 * What may use a segment, persona or template, and therefore stop it being deleted. Each kind of
 * user has one finder (segmentsReferencing, personasBoundTo, subPersonasOf, campaignsWhere,
 * experimentsWhere); the find-*-dependents functions list the kinds that apply. Journeys join as
 * one more kind and finder. No database here: the dialogs that list dependents import it too.
 */
export const DEPENDENT_KINDS = ["segment", "persona", "campaign", "experiment"] as const;
export type DependentKind = (typeof DEPENDENT_KINDS)[number];

/** One thing that uses another. `status` is a campaign's or experiment's (draft, running, sent, …). */
export type Dependent = { kind: DependentKind; id: string; name: string; status?: string };

// Campaigns and experiments in these states still send: archiving is allowed, but says so.
const ACTIVE = new Set(["scheduled", "sending", "paused", "running"]);
export const isActive = (dependent: Dependent) => dependent.status !== undefined && ACTIVE.has(dependent.status);

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(", ");
const NOUNS: Record<DependentKind, [string, string]> = {
  segment: ["the segment", "the segments"],
  persona: ["the persona", "the personas"],
  campaign: ["the campaign", "the campaigns"],
  experiment: ["the experiment", "the experiments"],
};

/** "the persona “A”, the campaigns “B”, “C” and the experiment “D”" */
function describeDependents(dependents: readonly Dependent[]): string {
  const parts = DEPENDENT_KINDS.flatMap((kind) => {
    const names = dependents.filter((d) => d.kind === kind).map((d) => d.name);
    return names.length === 0 ? [] : [`${NOUNS[kind][names.length === 1 ? 0 : 1]} ${quoted(names)}`];
  });
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The 409 a delete answers while something still uses the thing: the users, by kind, id and name. */
export function inUse(name: string, dependents: Dependent[]): AppError {
  return new AppError(
    409,
    "in_use",
    `“${name}” is used by ${describeDependents(dependents)}. Archive it instead: it leaves the ` +
      `pickers and lists, and they keep working.`,
    undefined,
    undefined,
    { dependents },
  );
}

/** The same dependent listed by two finders (an experiment through its audience and its template) once. */
export function uniqueDependents(lists: Dependent[][]): Dependent[] {
  const byKey = new Map<string, Dependent>();
  for (const d of lists.flat()) if (!byKey.has(`${d.kind}:${d.id}`)) byKey.set(`${d.kind}:${d.id}`, d);
  return [...byKey.values()];
}
