import { ident, qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentDefinition } from "./schema";

/** Another segment a membership condition names, loaded before compiling. */
export type ReferencedSegment = { id: string; name: string } & (
  { kind: "dynamic"; definition: SegmentDefinition } | { kind: "static" }
);

/** A persona an "in persona" condition names: its bound segment is loaded with the segments. */
export type ReferencedPersona = { id: string; name: string; segmentId: string | null };

/** A condition compiled: a never-NULL boolean, and the value that decided it (for explain). */
export type CompiledLeaf = { match: Prisma.Sql; value: Prisma.Sql };

/**
 * State while compiling one statement: per-profile aggregates are LEFT JOINed to the scan of
 * "Profile" p, each under a fresh alias — or tested once per profile as a column of that scan
 * (`memberColumns`).
 */
export class CompileContext {
  readonly joins: Prisma.Sql[] = [];
  // With memberColumns: each condition's per-profile boolean, computed once beside the profile row.
  readonly columns: Prisma.Sql[] = [];
  // Segments being inlined right now, to reject membership cycles.
  readonly inlining: string[] = [];
  // While inlining, the field path of the membership condition that started it.
  reportAt: string | undefined;
  // True while compiling a condition every match must satisfy (only non-negated ANDs above it).
  required = false;
  // The first required positive subquery in audience mode: the statement starts from it.
  driver: { alias: Prisma.Sql; subquery: Prisma.Sql } | null = null;
  // Whether any condition reads the profile row itself (fields, traits, consent).
  readsProfile = false;

  constructor(
    readonly workspaceId: string,
    readonly now: Date,
    readonly segments: ReadonlyMap<string, ReferencedSegment>,
    readonly personas: ReadonlyMap<string, ReferencedPersona>,
    // Explain mode: every aggregate is narrowed to this profile.
    readonly profileId?: string,
    // Audience mode: only matching profiles are wanted, so required conditions may drive the query.
    readonly innerJoins = false,
    // Audience mode where a required condition drives (a first compile found `driver`): other
    // "did it at all" tests then probe per driven profile instead of hashing everyone who did it.
    readonly probeExists = false,
    // Per-node counts where no condition reads the profile row (a first compile found none):
    // conditions become per-profile columns (`member`) instead of joins.
    readonly memberColumns = false,
  ) {}

  /**
   * Joins a subquery with columns (pid, …) and returns its alias. A `positive` subquery lists the
   * profiles its condition matches; when that condition is required and only the audience is
   * wanted, it becomes an INNER JOIN, so PostgreSQL can start from those few profiles instead of
   * scanning them all (per-node counts need every profile, so they keep LEFT JOINs).
   */
  join(subquery: Prisma.Sql, positive = false): Prisma.Sql {
    const alias = ident(`j${this.joins.length + (this.driver ? 1 : 0)}`);
    const inner = positive && this.required && this.innerJoins;
    if (inner && !this.driver) {
      this.driver = { alias, subquery };
      return alias;
    }
    const kind = inner ? Prisma.sql`JOIN` : Prisma.sql`LEFT JOIN`;
    this.joins.push(Prisma.sql`${kind} (${subquery}) ${alias} ON ${alias}.pid = p."id"`);
    return alias;
  }

  /**
   * Whether the profile is among a subquery's `pid`s. With `memberColumns`, an EXISTS computed
   * once per profile as a column (`column`) that PostgreSQL answers from one hash table of the
   * subquery's profiles — or, were that too large for memory, by probing the (workspaceId,
   * profileId, …) keys per profile — instead of aggregating them into a hash table and joining
   * that (a second hash table of the same profiles). Otherwise a join (`join`).
   */
  member(subquery: Prisma.Sql, positive = false): Prisma.Sql {
    if (this.memberColumns) return this.column(Prisma.sql`EXISTS (SELECT 1 FROM (${subquery}) s WHERE s.pid = p."id")`);
    return Prisma.sql`(${this.join(subquery, positive)}.pid IS NOT NULL)`;
  }

  /**
   * A per-profile boolean as a column of the profile scan, read back as p."m<i>". A node's
   * condition appears in several counts (its own, its group's running result, its ancestors');
   * as a column, its subquery runs once instead of once per mention.
   */
  column(match: Prisma.Sql): Prisma.Sql {
    const name = `m${this.columns.length}`;
    this.columns.push(Prisma.sql`${match} AS ${ident(name)}`);
    return qualified("p", name);
  }

  get joinSql(): Prisma.Sql {
    return this.joins.length > 0 ? Prisma.join(this.joins, "\n") : Prisma.empty;
  }
}
