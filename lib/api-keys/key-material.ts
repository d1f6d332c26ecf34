import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A new key: "tlr_" (server write key) or "tlp_" (publishable client key) and 32 base-62 characters (190 bits). */
export function generateApiKey(kind: "server" | "client" = "server"): string {
  const body = Array.from(randomBytes(32), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${kind === "client" ? "tlp" : "tlr"}_${body}`;
}

// Keys are long random strings, so a fast hash is enough: nothing to brute-force from a dictionary.
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const keyPrefix = (key: string) => key.slice(0, 12);
