import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db/client";
import { createWorkspace } from "./fixtures";

/** A workspace with a live write key, for the ingestion API. */
export async function createIngestWorkspace() {
  const { workspaceId, actors } = await createWorkspace();
  const { key, apiKey } = await createApiKey(actors.admin, { name: "tests" });
  return { workspaceId, actors, key, keyId: apiKey.id };
}

export function ingestRequest(
  path: string,
  body: unknown,
  key: string | null,
  headers: Record<string, string> = {},
): Request {
  return new Request(new URL(path, "http://localhost"), {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Row counts of everything ingestion writes, to prove a refused request wrote nothing. */
export async function ingestCounts(workspaceId: string) {
  const [profiles, aliases, events, daily, active, traits] = await Promise.all([
    db.profile.count({ where: { workspaceId } }),
    db.profileAlias.count({ where: { workspaceId } }),
    db.event.count({ where: { workspaceId } }),
    db.profileEventDaily.count({ where: { workspaceId } }),
    db.profileActiveDay.count({ where: { workspaceId } }),
    db.traitCatalog.count({ where: { workspaceId } }),
  ]);
  return { profiles, aliases, events, daily, active, traits };
}
