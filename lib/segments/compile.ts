import { reachabilitySql } from "./reachability-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { Channel } from "@/lib/profiles/channels";
import { CompileContext, type CompiledLeaf, type ReferencedPersona, type ReferencedSegment } from "./compile-context";
import { compileEvent } from "./compile-event";
import { comparisonSql, fieldValue } from "./compile-values";
import type { SegmentDefinition, SegmentNode } from "./schema";

/** One node of the edited tree: its own boolean, its group's running result, the deciding value. */
export type CompiledNode = { id: string; match: Prisma.Sql; running: Prisma.Sql | null; value: Prisma.Sql | null };

export type CompiledDefinition = {
  root: Prisma.Sql;
  nodes: CompiledNode[];
  joins: Prisma.Sql;
  // Per-node counts: per-profile booleans computed beside the profile row, read as p."m<i>".
  columns: Prisma.Sql[];
  // Audience mode: the required subquery the statement can start from, and whether any condition
  // reads the profile row (if none does, "Profile" need not be scanned at all).
  driver: { alias: Prisma.Sql; subquery: Prisma.Sql } | null;
  readsProfile: boolean;
};

export type CompileOptions = {
  now: Date;
  segments: ReadonlyMap<string, ReferencedSegment>;
  personas?: ReadonlyMap<string, ReferencedPersona>;
  profileId?: string;
  // The saved segment this definition belongs to: naming it again, directly or not, is a cycle.
  selfId?: string;
  // Only the audience (or its size) is wanted, not per-node figures: see CompileContext.join.
  audienceOnly?: boolean;
};

/**
 * A definition → boolean SQL over the profile row `p` plus the aggregates it joins. One scan of
 * "Profile" then answers the audience, the total, every node's count and explain(profile).
 */
export function compileDefinition(
  workspaceId: string,
  definition: SegmentDefinition,
  options: CompileOptions,
): CompiledDefinition {
  const audienceOnly = options.audienceOnly ?? false;
  const compileWith = (probeExists: boolean, memberColumns = false) => {
    const ctx = new CompileContext(
      workspaceId,
      options.now,
      options.segments,
      options.personas ?? new Map(),
      options.profileId,
      audienceOnly,
      probeExists,
      memberColumns,
    );
    if (options.selfId) ctx.inlining.push(options.selfId);
    const nodes: CompiledNode[] = [];
    const { match: root } = compileNode(definition.root, ctx, ["definition", "root"], true, nodes);
    return {
      root,
      nodes,
      joins: ctx.joinSql,
      columns: ctx.columns,
      driver: ctx.driver,
      readsProfile: ctx.readsProfile,
    };
  };
  // Whether a condition drives the audience is known once compiled; only then may the (NOT) EXISTS
  // tests become per-row probes. Compiling is string building: a second pass costs nothing.
  const first = compileWith(false);
  if (audienceOnly) return first.driver ? compileWith(true) : first;
  // Per-node counts read every profile. When no condition reads the profile row, "Profile" is read
  // index-only and hashing the conditions' profiles is the cost: each is hashed once as a column
  // (CompileContext.member). When one does, the scan of the wide rows is the cost, and a parallel
  // scan with the aggregates joined is faster (1M profiles, busy machine: 3-level nested OR/AND
  // ≈ 1.1 s joined, 1.35–1.55 s as columns, which keep PostgreSQL from scanning in parallel).
  return options.profileId === undefined && !first.readsProfile ? compileWith(false, true) : first;
}

/** `required`: every ancestor is a non-negated AND, so a match must satisfy this node. */
/**
 * `required`: every ancestor is a non-negated AND, so a match must satisfy this node. With `nodes`,
 * every node of the edited tree is recorded there (inlined segments are not: they are one condition).
 */
function compileNode(
  node: SegmentNode,
  ctx: CompileContext,
  path: (string | number)[],
  required: boolean,
  nodes?: CompiledNode[],
): { match: Prisma.Sql; entry?: CompiledNode } {
  const mustHold = required && !node.not;
  const entry: CompiledNode | undefined = nodes
    ? { id: node.id, match: Prisma.empty, running: null, value: null }
    : undefined;
  if (entry) nodes!.push(entry);
  let base: Prisma.Sql;
  if (node.kind === "group") {
    const children = node.children.map((child, i) =>
      compileNode(child, ctx, [...path, "children", i], mustHold && node.op === "and", nodes),
    );
    const joiner = node.op === "and" ? " AND " : " OR ";
    const combine = (parts: { match: Prisma.Sql }[]) =>
      parts.length === 0
        ? node.op === "and"
          ? Prisma.sql`TRUE`
          : Prisma.sql`FALSE`
        : Prisma.sql`(${Prisma.join(
            parts.map((p) => p.match),
            joiner,
          )})`;
    children.forEach((child, i) => child.entry && (child.entry.running = combine(children.slice(0, i + 1))));
    base = combine(children);
  } else {
    ctx.required = mustHold;
    const leaf = compileCondition(node, ctx, path);
    ctx.required = false;
    base = leaf.match;
    if (entry) entry.value = leaf.value;
  }
  const match = node.not ? Prisma.sql`(NOT ${base})` : base;
  if (entry) entry.match = match;
  return { match, entry };
}

function compileCondition(
  node: Exclude<SegmentNode, { kind: "group" }>,
  ctx: CompileContext,
  path: (string | number)[],
): CompiledLeaf {
  switch (node.kind) {
    case "trait": {
      ctx.readsProfile = true;
      const value = fieldValue(node.field, node.comparison.type, ctx.now);
      return { match: comparisonSql(value, node.comparison, ctx.now), value };
    }
    case "event":
      return compileEvent(node, ctx);
    case "reachable":
      ctx.readsProfile = true;
      return compileReachable(node.channel);
    case "membership":
      return compileMembership(node.segmentId, ctx, [...path, "segmentId"]);
    case "persona":
      return compilePersona(node.personaId, ctx, [...path, "personaId"]);
  }
}

function compileReachable(channel: Channel): CompiledLeaf {
  const { consented, hasAddress } = reachabilitySql(channel);
  return {
    match: Prisma.sql`(${consented} AND ${hasAddress})`,
    value: Prisma.sql`jsonb_build_object('consent', p."consent" -> ${channel}::text, 'address', ${hasAddress})`,
  };
}

function compilePersona(personaId: string, ctx: CompileContext, path: (string | number)[]): CompiledLeaf {
  const field = ctx.reportAt ?? path.join(".");
  const persona = ctx.personas.get(personaId);
  if (!persona)
    throw new AppError(400, "unknown_persona", "This condition names a persona that does not exist (any more).", field);
  if (!persona.segmentId)
    throw new AppError(
      400,
      "persona_unbound",
      `The persona "${persona.name}" has no segment bound, so no one is in it yet.`,
      field,
    );
  return compileMembership(persona.segmentId, ctx, path);
}

function compileMembership(segmentId: string, ctx: CompileContext, path: (string | number)[]): CompiledLeaf {
  // Inside an inlined segment, problems are reported at the condition the user edited.
  const field = ctx.reportAt ?? path.join(".");
  const segment = ctx.segments.get(segmentId);
  if (!segment)
    throw new AppError(400, "unknown_segment", "This condition names a segment that does not exist (any more).", field);
  if (ctx.inlining.includes(segmentId)) {
    throw new AppError(
      400,
      "segment_cycle",
      `Segments cannot contain each other: "${segment.name}" would end up inside itself.`,
      field,
    );
  }
  if (segment.kind === "static") {
    const match = ctx.member(
      Prisma.sql`SELECT m."profileId" AS pid FROM "StaticSegmentMember" m
        WHERE m."workspaceId" = ${ctx.workspaceId} AND m."segmentId" = ${segmentId}
          ${ctx.profileId ? Prisma.sql`AND m."profileId" = ${ctx.profileId}` : Prisma.empty}`,
      true,
    );
    return { match, value: match };
  }
  ctx.inlining.push(segmentId);
  const outer = ctx.reportAt;
  ctx.reportAt = field;
  const { match } = compileNode(segment.definition.root, ctx, path, ctx.required);
  ctx.reportAt = outer;
  ctx.inlining.pop();
  return { match, value: match };
}
