import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { decryptSecrets, encryptSecrets } from "../secrets";

/*
 * In-app identity verification (docs/security.md, "In-app identity verification"). The client key
 * is public, so the inbox also asks for proof that the visitor is the user whose messages it reads:
 * userHash = hex(HMAC-SHA256(workspace identity secret, userId)), computed by the customer's
 * server, which alone holds the secret — as Intercom's and Braze's SDK authentication do.
 */

const newSecret = () => `tis_${randomBytes(32).toString("base64url")}`;

/** The workspace's identity secret, made (once, whoever asks first) when there is none yet. */
export async function identitySecret(workspaceId: string): Promise<string> {
  const stored = await db.workspace.findUnique({ where: { id: workspaceId }, select: { inAppIdentitySecret: true } });
  if (!stored) throw new AppError(404, "not_found", "The workspace was not found.");
  if (stored.inAppIdentitySecret) return decryptSecrets(stored.inAppIdentitySecret).identity!;
  await db.workspace.updateMany({
    where: { id: workspaceId, inAppIdentitySecret: null },
    data: { inAppIdentitySecret: encryptSecrets({ identity: newSecret() }) },
  });
  return identitySecret(workspaceId);
}

/** A new secret: every page must compute its hashes with it from now on. Audited, without the secret. */
export async function rotateIdentitySecret(actor: Actor): Promise<string> {
  const secret = newSecret();
  await db.$transaction(async (tx) => {
    await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { inAppIdentitySecret: encryptSecrets({ identity: secret }) },
    });
    await recordAudit(tx, actor, {
      action: "inapp_identity.rotated",
      entityType: "workspace",
      entityId: actor.workspaceId,
    });
  });
  return secret;
}

export const userHashFor = (secret: string, userId: string) =>
  createHmac("sha256", secret).update(userId, "utf8").digest("hex");

/** Refuses (401, naming userHash) a user id whose hash was not made with the workspace's secret; constant-time. */
export async function verifyUserHash(workspaceId: string, userId: string, userHash: string): Promise<void> {
  const expected = Buffer.from(userHashFor(await identitySecret(workspaceId), userId), "hex");
  const given = Buffer.from(userHash, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError(
      401,
      "identity_not_verified",
      "userHash does not match userId: compute it on your server with the workspace's identity " +
        "secret (Settings → API keys).",
      "userHash",
    );
  }
}
