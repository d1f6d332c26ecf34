import { db } from "@/lib/db/client";

export type ApiKeyRow = {
  id: string;
  name: string;
  kind: "server" | "client";
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export async function listApiKeys(workspaceId: string): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    kind: key.kind === "client" ? "client" : "server",
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  }));
}
