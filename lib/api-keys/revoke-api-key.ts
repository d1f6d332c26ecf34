import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/http/errors";

/** Revoked keys stop working at once and stay listed, so their last use remains visible. */
export async function revokeApiKey(actor: Actor, keyId: string) {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, workspaceId: actor.workspaceId } });
    if (!key) throw notFound("That API key");
    if (key.revokedAt) throw conflict("That key is already revoked.");
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: key.id,
      before: { name: key.name, prefix: key.prefix, revoked: false },
      after: { name: key.name, prefix: key.prefix, revoked: true },
    });
    return { id: revoked.id, revokedAt: revoked.revokedAt!.toISOString() };
  });
}
