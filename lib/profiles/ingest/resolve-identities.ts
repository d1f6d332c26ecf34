import type { Tx } from "@/lib/db/client";
import { byKey } from "@/lib/db/key-order";
import { uuidv7 } from "@/lib/db/uuidv7";
import type { Call, Rejection } from "./normalize-call";
import { aliasesSql, insertAliasesSql, insertProfilesSql, profilesByExternalIdSql, setExternalIdsSql } from "./sql";

export type Merge = { from: string; into: string; anonymousId: string | null; reason: "identify" | "alias" };
export type Resolution = {
  profileOf: Map<number, string>;
  merges: Merge[];
  rejections: Rejection[];
  createdProfiles: number;
};

const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];

/**
 * Finds or creates the profile of every call, in call order, stitching identities as it goes:
 * an anonymous id seen with a user id joins that user's profile, and an anonymous profile that
 * meets its user is merged into them (events, aliases and rollups move; nothing is lost).
 */
export async function resolveIdentities(tx: Tx, workspaceId: string, calls: Call[]): Promise<Resolution> {
  const userIds = unique(calls.flatMap((c) => [c.userId, c.previousId]));
  const anonymousIds = unique(calls.flatMap((c) => [c.anonymousId, c.previousId]));
  const known =
    userIds.length > 0
      ? await tx.$queryRaw<{ id: string; externalId: string }[]>(profilesByExternalIdSql(workspaceId, userIds))
      : [];
  const aliases =
    anonymousIds.length > 0
      ? await tx.$queryRaw<{ anonymousId: string; profileId: string; externalId: string | null }[]>(
          aliasesSql(workspaceId, anonymousIds),
        )
      : [];

  const byUser = new Map(known.map((p) => [p.externalId, p.id]));
  const byAnonymous = new Map(aliases.map((a) => [a.anonymousId, a.profileId]));
  const externalOf = new Map<string, string | null>([
    ...known.map((p) => [p.id, p.externalId] as const),
    ...aliases.map((a) => [a.profileId, a.externalId] as const),
  ]);
  const created = new Map<string, string | null>(); // new profile id → external id
  const aliasWrites = new Map<string, string>(); // anonymous id → profile id
  const externalWrites = new Map<string, string>(); // existing anonymous profile → its new external id
  const mergedInto = new Map<string, string>();
  const merges: Merge[] = [];
  const rejections: Rejection[] = [];
  const profileOf = new Map<number, string>();

  const create = (externalId: string | null) => {
    const id = uuidv7();
    created.set(id, externalId);
    externalOf.set(id, externalId);
    if (externalId) byUser.set(externalId, id);
    return id;
  };
  const point = (anonymousId: string, profileId: string) => {
    byAnonymous.set(anonymousId, profileId);
    aliasWrites.set(anonymousId, profileId);
  };
  const merge = (from: string, into: string, anonymousId: string | null, reason: Merge["reason"]) => {
    merges.push({ from, into, anonymousId, reason });
    mergedInto.set(from, into);
    for (const [anon, pid] of byAnonymous) if (pid === from) byAnonymous.set(anon, into);
  };
  const forUser = (userId: string) => byUser.get(userId) ?? create(userId);
  const forAnonymous = (anonymousId: string) => {
    const existing = byAnonymous.get(anonymousId);
    if (existing) return existing;
    const id = create(null);
    point(anonymousId, id);
    return id;
  };

  // userId and anonymousId together: the anonymous history belongs to this user from now on.
  const link = (userId: string, anonymousId: string, reason: Merge["reason"]) => {
    const user = byUser.get(userId);
    const anonymous = byAnonymous.get(anonymousId);
    if (user && anonymous && user !== anonymous) {
      if (externalOf.get(anonymous) === null) merge(anonymous, user, anonymousId, reason);
      else point(anonymousId, user); // a shared device now used by another known person
    } else if (user && !anonymous) {
      point(anonymousId, user);
    } else if (!user && anonymous && externalOf.get(anonymous) === null) {
      externalOf.set(anonymous, userId);
      byUser.set(userId, anonymous);
      if (created.has(anonymous)) created.set(anonymous, userId);
      else externalWrites.set(anonymous, userId);
    } else if (!user) {
      point(anonymousId, forUser(userId));
    }
    return byUser.get(userId)!;
  };

  for (const call of calls) {
    if (call.kind === "alias") {
      // alias: previousId (an anonymous id or an earlier user id) is the same person as userId.
      const previousUser = byUser.get(call.previousId!);
      if (previousUser && byUser.get(call.userId!) && previousUser !== byUser.get(call.userId!)) {
        rejections.push({
          index: call.index,
          messageId: call.messageId,
          field: "previousId",
          reason: "Both ids belong to known profiles; only anonymous history is merged.",
        });
        continue;
      }
      profileOf.set(call.index, previousUser ?? link(call.userId!, call.previousId!, "alias"));
      if (previousUser && !byUser.get(call.userId!)) byUser.set(call.userId!, previousUser);
      continue;
    }
    if (call.userId && call.anonymousId) profileOf.set(call.index, link(call.userId, call.anonymousId, "identify"));
    else if (call.userId) profileOf.set(call.index, forUser(call.userId));
    else profileOf.set(call.index, forAnonymous(call.anonymousId!));
  }

  // Calls resolved before a merge later in the batch follow their profile into the merge.
  const final = (id: string): string => (mergedInto.has(id) ? final(mergedInto.get(id)!) : id);
  for (const [index, id] of profileOf) profileOf.set(index, final(id));
  for (const m of merges) m.into = final(m.into);

  // Rows go in in key order (lib/db/key-order.ts): two batches creating the same users or aliases
  // at once cannot deadlock.
  const newProfiles = [...created].filter(([id]) => !mergedInto.has(id)).sort(byKey(([, ext]) => ext ?? ""));
  if (newProfiles.length > 0)
    await tx.$executeRaw(
      insertProfilesSql(
        workspaceId,
        newProfiles.map(([id]) => id),
        newProfiles.map(([, ext]) => ext),
      ),
    );
  for (const [id, externalId] of [...externalWrites].sort(byKey(([, ext]) => ext)))
    await tx.$executeRaw(setExternalIdsSql(workspaceId, id, externalId));
  const aliasRows = [...aliasWrites].map(([anon, pid]) => [anon, final(pid)] as const).sort(byKey(([anon]) => anon));
  if (aliasRows.length > 0)
    await tx.$executeRaw(
      insertAliasesSql(
        workspaceId,
        aliasRows.map(([a]) => a),
        aliasRows.map(([, p]) => p),
      ),
    );
  // A profile created and merged within this batch never reached the database: nothing to move.
  return {
    profileOf,
    merges: merges.filter((m) => !created.has(m.from)),
    rejections,
    createdProfiles: newProfiles.length,
  };
}
