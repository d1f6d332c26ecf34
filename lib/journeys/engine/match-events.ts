import type { Tx } from "@/lib/db/client";
import type { PropertyFilter } from "@/lib/segments/schema";
import type { IngestedEvent } from "@/lib/delivery/triggers";
import { matchingEventsSql, type EventRow } from "./sql";

/**
 * Which events pass property filters, judged by the segment builder's own SQL (propertyFilterSql),
 * so a journey's "purchase where total > 50" means what the segment builder's does. One query per
 * distinct filter list; none for an empty one.
 */
export function eventMatcher(tx: Tx, events: readonly IngestedEvent[], now: Date) {
  const rows: EventRow[] = events.map((e) => ({ profileId: e.profileId, properties: JSON.stringify(e.properties) }));
  const answers = new Map<string, Promise<Set<number>>>();
  return (where: readonly PropertyFilter[]): Promise<Set<number>> => {
    if (where.length === 0) return Promise.resolve(new Set(events.map((_, i) => i)));
    const key = JSON.stringify(where);
    let answer = answers.get(key);
    if (!answer) {
      answer = tx
        .$queryRaw<{ i: number }[]>(matchingEventsSql(rows, where, now))
        .then((found) => new Set(found.map((r) => Number(r.i))));
      answers.set(key, answer);
    }
    return answer;
  };
}
