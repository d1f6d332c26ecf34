import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

// Cost 12 takes ~250 ms on these machines: slow for guessing, fine for one sign-in.
const COST = process.env.NODE_ENV === "test" ? 4 : 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

let dummyHash: string | undefined;

/**
 * Checks a password against its hash. With no hash (unknown user) it still spends the same time,
 * so response times do not reveal which e-mails have accounts.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  dummyHash ??= await bcrypt.hash("no such user", COST);
  const matches = await bcrypt.compare(password, hash ?? dummyHash);
  return matches && Boolean(hash);
}

/** A one-time password an admin hands to a new member: 16 characters, no look-alikes. */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
}
