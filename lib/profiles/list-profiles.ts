import { db } from "@/lib/db";
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

export async function listProfiles(workspaceId: string, query: ProfileListQuery): Promise<{ profiles: ProfileRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Raw[]>(listProfilesSql(workspaceId, query)),
    db.$queryRaw<{ total: number }[]>(countProfilesSql(workspaceId, query)),
  ]);
  return {
    profiles: rows.map((row) => ({ ...row, firstSeenAt: row.firstSeenAt?.toISOString() ?? null, lastSeenAt: row.lastSeenAt?.toISOString() ?? null })),
    total: count?.total ?? 0,
  };
}
