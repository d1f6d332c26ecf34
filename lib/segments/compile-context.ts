import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentDefinition } from "./schema";

/** Another segment a membership condition names, loaded before compiling. */
export type ReferencedSegment = { id: string; name: string } & ({ kind: "dynamic"; definition: SegmentDefinition } | { kind: "static" });

/** A condition compiled: a never-NULL boolean, and the value that decided it (for explain). */
export type CompiledLeaf = { match: Prisma.Sql; value: Prisma.Sql };

/**
 * State while compiling one statement: per-profile aggregates are LEFT JOINed to the scan of
 * "Profile" p, each under a fresh alias.
 */
export class CompileContext {
  readonly joins: Prisma.Sql[] = [];
  // Segments being inlined right now, to reject membership cycles.
  readonly inlining: string[] = [];
  // While inlining, the field path of the membership condition that started it.
  reportAt: string | undefined;

  constructor(
    readonly workspaceId: string,
    readonly now: Date,
    readonly segments: ReadonlyMap<string, ReferencedSegment>,
    // Explain mode: every aggregate is narrowed to this profile.
    readonly profileId?: string,
  ) {}

  /** Joins a subquery with columns (pid, …) and returns its alias. */
  join(subquery: Prisma.Sql): Prisma.Sql {
    const alias = Prisma.raw(`j${this.joins.length}`);
    this.joins.push(Prisma.sql`LEFT JOIN (${subquery}) ${alias} ON ${alias}.pid = p."id"`);
    return alias;
  }

  get joinSql(): Prisma.Sql {
    return this.joins.length > 0 ? Prisma.join(this.joins, "\n") : Prisma.empty;
  }
}
