import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Loads .env* files the way Next.js does, after making sure .env.local holds a NEXTAUTH_SECRET:
 * generated on first run, git-ignored, never committed.
 */
export function loadEnvironment(development: boolean): void {
  const file = path.join(ROOT, ".env.local");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (!process.env.NEXTAUTH_SECRET && !/^NEXTAUTH_SECRET=/m.test(current)) {
    const separator = current === "" || current.endsWith("\n") ? "" : "\n";
    appendFileSync(
      file,
      `${separator}# Generated on first run; keep it ` +
        `secret.\nNEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`,
    );
    console.log("Generated NEXTAUTH_SECRET into .env.local");
  }
  nextEnv.loadEnvConfig(ROOT, development, { info: () => {}, error: console.error });
}
