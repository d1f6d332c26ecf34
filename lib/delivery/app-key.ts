import { hkdfSync } from "node:crypto";

/**
 * A 32-byte key for one purpose ("provider-secrets", "tracking"), derived with HKDF from the app
 * key: TAILOR_APP_KEY when set, else NEXTAUTH_SECRET (generated into .env.local on first run), so a
 * fresh clone works and a production deployment can rotate the session secret separately by
 * setting TAILOR_APP_KEY. Changing the app key voids stored provider secrets and issued links.
 */
export function appKey(purpose: string): Buffer {
  const secret = process.env.TAILOR_APP_KEY || process.env.NEXTAUTH_SECRET;
  if (!secret)
    throw new Error(
      "Set TAILOR_APP_KEY (or NEXTAUTH_SECRET): delivery signs links and encrypts provider secrets with it.",
    );
  return Buffer.from(hkdfSync("sha256", secret, "tailor", purpose, 32));
}
