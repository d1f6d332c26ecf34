import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

// Cost 12 takes ~250 ms on these machines: slow for guessing, fine for one sign-in.
const COST = process.env.NODE_ENV === "test" ? 4 : 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A one-time password an admin hands to a new member: 16 characters, no look-alikes. */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
}
