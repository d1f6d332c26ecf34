import { db } from "@/lib/db/client";
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

/**
 * The workspace a live key belongs to; 401 naming the problem otherwise. Each door takes one kind:
 * the ingestion API server keys, the in-app inbox client keys — a publishable key in a web page
 * must never write events, and a secret key has no business in one.
 */
export async function authenticateApiKey(
  key: string | null,
  kind: "server" | "client" = "server",
): Promise<{ workspaceId: string; keyId: string }> {
  if (!key)
    throw new AppError(
      401,
      "missing_api_key",
      "Send your write key as `Authorization: Bearer <key>`.",
      "authorization",
    );
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row) throw new AppError(401, "unknown_api_key", "That API key does not exist.", "authorization");
  if (row.revokedAt) throw new AppError(401, "revoked_api_key", "That API key was revoked.", "authorization");
  if (row.kind !== kind) {
    throw kind === "server"
      ? new AppError(
          403,
          "client_key",
          "That is a client (publishable) key: it only reads the in-app inbox. Send events with a server key.",
          "authorization",
        )
      : new AppError(
          403,
          "server_key",
          "That is a server key: keep it secret and out of web pages. The in-app inbox takes a client " +
            "(publishable) key.",
          "authorization",
        );
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { workspaceId: row.workspaceId, keyId: row.id };
}
