import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A new write key: "tlr_" and 32 base-62 characters (190 bits). */
export function generateApiKey(): string {
  return `tlr_${Array.from(randomBytes(32), (byte) => ALPHABET[byte % ALPHABET.length]).join("")}`;
}

// Keys are long random strings, so a fast hash is enough: nothing to brute-force from a dictionary.
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const keyPrefix = (key: string) => key.slice(0, 12);
