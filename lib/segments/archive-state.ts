import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";

/** Who archived a segment, persona or template, and when; nulls while it is in use as normal. */
export type ArchiveState = { archivedAt: string | null; archivedBy: string | null };

export const archiveStateOf = (row: { archivedAt: Date | null; archivedBy: string | null }): ArchiveState => ({
  archivedAt: row.archivedAt?.toISOString() ?? null,
  archivedBy: row.archivedBy,
});

/** The columns an archive (or unarchive) writes. */
export const archiveColumns = (actor: Pick<Actor, "userId" | "email">, archived: boolean) =>
  archived
    ? { archivedAt: new Date(), archivedById: actor.userId, archivedBy: actor.email }
    : { archivedAt: null, archivedById: null, archivedBy: null };

/**
 * A list's "Show archived" filter, in a page's URL or an API query: `archived=show`; left out, archived ones are
 * hidden.
 */
export const archivedQuerySchema = z.object({
  archived: z.literal("show", { message: "Use archived=show to include archived ones, or leave it out." }).optional(),
});
