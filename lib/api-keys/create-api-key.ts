import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateApiKey, hashApiKey, keyPrefix } from "./key-material";
import type { CreateApiKeyInput } from "./schema";

/** Creates a key and returns it in clear this once; only its hash is kept. */
export async function createApiKey(actor: Actor, input: CreateApiKeyInput) {
  const kind = input.kind ?? "server";
  const key = generateApiKey(kind);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        workspaceId: actor.workspaceId,
        name: input.name,
        kind,
        prefix: keyPrefix(key),
        hash: hashApiKey(key),
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "api_key.created",
      entityType: "api_key",
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix, kind: row.kind },
    });
    return row;
  });
  return {
    apiKey: {
      id: created.id,
      name: created.name,
      kind: created.kind,
      prefix: created.prefix,
      createdAt: created.createdAt.toISOString(),
    },
    key,
  };
}
