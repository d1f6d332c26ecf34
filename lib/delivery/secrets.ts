import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { appKey } from "./app-key";

/*
 * Provider secrets at rest: AES-256-GCM under appKey("provider-secrets"). The envelope is
 * "v1.<iv>.<tag>.<ciphertext>" (base64url), so a later key or algorithm can be told apart by its
 * prefix. GCM authenticates: a tampered envelope or a changed app key fails to decrypt instead of
 * yielding garbage.
 */
const VERSION = "v1";

export function encryptSecrets(secrets: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", appKey("provider-secrets"), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export function decryptSecrets(envelope: string): Record<string, string> {
  const [version, iv, tag, body] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new Error("The stored provider secrets are not an envelope this version reads.");
  const decipher = createDecipheriv("aes-256-gcm", appKey("provider-secrets"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "The stored provider secrets do not decrypt: the app key (TAILOR_APP_KEY / NEXTAUTH_SECRET) " +
        "changed since they were saved. Enter them again.",
    );
  }
  return JSON.parse(text) as Record<string, string>;
}
