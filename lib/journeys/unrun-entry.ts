import { entryOf } from "./graph";
import type { JourneyDefinition, Trigger } from "./schema";

/**
 * The entry trigger of `definition` when the engine does not run that kind yet (only event entries
 * enter from ingest: docs/journeys.md, "Not built yet"), else null. A live journey with such an entry
 * takes nobody new in, and its page must say so rather than read as running.
 */
export function unrunEntryTrigger(definition: JourneyDefinition): Exclude<Trigger["type"], "event"> | null {
  const entry = entryOf(definition);
  if (entry?.kind !== "entry") return null;
  return entry.trigger.type === "event" ? null : entry.trigger.type;
}
