import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { hashApiKey } from "./key-material";

// Writing lastUsedAt on every request would add a write per batch; a minute's precision is plenty.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Finds the write key the way Segment-compatible SDKs send it: as a Bearer token, as the HTTP
 * Basic username, or as `writeKey` in the body.
 */
export function extractApiKey(headers: Headers, body?: unknown): string | null {
  const authorization = headers.get("authorization") ?? "";
  if (/^bearer /i.test(authorization)) return authorization.slice(7).trim() || null;
  if (/^basic /i.test(authorization)) {
    const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
    return decoded.split(":")[0] || null;
  }
  const writeKey = (body as { writeKey?: unknown } | null)?.writeKey;
  return typeof writeKey === "string" && writeKey ? writeKey : null;
}

/** The workspace a live key belongs to; 401 naming the problem otherwise. */
export async function authenticateApiKey(key: string | null): Promise<{ workspaceId: string; keyId: string }> {
  if (!key) throw new AppError(401, "missing_api_key", "Send your write key as `Authorization: Bearer <key>`.", "authorization");
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row) throw new AppError(401, "unknown_api_key", "That API key does not exist.", "authorization");
  if (row.revokedAt) throw new AppError(401, "revoked_api_key", "That API key was revoked.", "authorization");
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { workspaceId: row.workspaceId, keyId: row.id };
}
