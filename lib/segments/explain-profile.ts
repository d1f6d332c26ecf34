import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { prepareDefinition, type EvaluateOptions } from "./prepare-definition";
import type { SegmentDefinition } from "./schema";
import { explainSql } from "./sql";

export type NodeVerdict = { matched: boolean; value: unknown };
export type Explanation = {
  profile: { id: string; externalId: string | null; email: string | null };
  matched: boolean;
  nodes: Record<string, NodeVerdict>;
};

/** Finds a profile by our id, the sender's user id, an e-mail (case-insensitive) or an anonymous id. */
export async function findProfile(workspaceId: string, query: string) {
  const q = query.trim();
  const select = { id: true, externalId: true, email: true } as const;
  return (
    (await db.profile.findFirst({ where: { workspaceId, OR: [{ id: q }, { externalId: q }] }, select })) ??
    (await db.profile.findFirst({
      where: { workspaceId, email: { equals: q, mode: "insensitive" } },
      select,
      orderBy: { lastSeenAt: { sort: "desc", nulls: "last" } },
    })) ??
    (
      await db.profileAlias.findUnique({
        where: { workspaceId_anonymousId: { workspaceId, anonymousId: q } },
        select: { profile: { select } },
      })
    )?.profile ??
    null
  );
}

/** "Why is this person in / not in?": every node's verdict and the value that decided it. */
export async function explainProfile(
  workspaceId: string,
  definition: SegmentDefinition,
  query: string,
  options: Omit<EvaluateOptions, "profileId"> = {},
): Promise<Explanation> {
  const profile = await findProfile(workspaceId, query);
  if (!profile) throw notFound(`A profile with the id or e-mail "${query.trim()}"`);
  const compiled = await prepareDefinition(workspaceId, definition, { ...options, profileId: profile.id });
  const [row] = await db.$queryRaw<Record<string, unknown>[]>(explainSql(workspaceId, compiled, profile.id));
  const nodes: Record<string, NodeVerdict> = {};
  compiled.nodes.forEach(
    (node, i) => (nodes[node.id] = { matched: row?.[`m${i}`] === true, value: row?.[`v${i}`] ?? null }),
  );
  return { profile, matched: nodes[definition.root.id]?.matched ?? false, nodes };
}
