import { db } from "@/lib/db/client";
import { singleflight } from "@/lib/http/singleflight";
import type { ProfileListQuery } from "./schema";
import { countProfilesSql, listProfilesSql } from "./sql";

export type ProfileRow = {
  id: string;
  externalId: string | null;
  email: string | null;
  country: string | null;
  platform: string | null;
  ordersCount: number;
  ltv: string;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  favouriteCategory: string | null;
  anonymous: boolean;
};

type Raw = Omit<ProfileRow, "firstSeenAt" | "lastSeenAt"> & { firstSeenAt: Date | null; lastSeenAt: Date | null };

/** Matches are counted exactly up to this many (and always past the page asked for). */
export const PROFILE_COUNT_CAP = 10_000;

/** A page of profiles and how many match: exact (`totalIsExact`) up to the cap, else "more than `total`". */
export async function listProfiles(workspaceId: string, query: ProfileListQuery): Promise<ProfilePage> {
  // The explorer's first page is what everyone opens: simultaneous identical asks share one read.
  return (
    await singleflight(`profiles\u0000${workspaceId}\u0000${JSON.stringify(query)}`, () => readPage(workspaceId, query))
  ).value;
}

type ProfilePage = { profiles: ProfileRow[]; total: number; totalIsExact: boolean };

async function readPage(workspaceId: string, query: ProfileListQuery): Promise<ProfilePage> {
  const cap = Math.max(PROFILE_COUNT_CAP, query.page * query.pageSize) + 1;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Raw[]>(listProfilesSql(workspaceId, query)),
    db.$queryRaw<{ total: number }[]>(countProfilesSql(workspaceId, query, cap)),
  ]);
  const counted = count?.total ?? 0;
  return {
    profiles: rows.map((row) => ({
      ...row,
      firstSeenAt: row.firstSeenAt?.toISOString() ?? null,
      lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    })),
    total: Math.min(counted, cap - 1),
    totalIsExact: counted < cap,
  };
}
