import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("pages carry a nonce CSP without unsafe-eval, and refuse framing", async ({ request }) => {
  const response = await request.get("/signin");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["x-powered-by"]).toBeUndefined();
});

test("the session cookie is httpOnly, secure and same-site", async ({ page, context }) => {
  await signInAs(page, "pm");
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ name: "__Secure-next-auth.session-token", httpOnly: true, secure: true, sameSite: "Lax" });
});

test("client bundles carry no server secret", () => {
  // scripts/e2e.ts builds with canary values for the server's secrets.
  const canaries = [process.env.E2E_SECRET_CANARY, process.env.E2E_DATABASE_CANARY];
  expect(canaries.every(Boolean)).toBe(true);
  const files = (readdirSync(".next/static", { recursive: true }) as string[]).filter((file) => file.endsWith(".js"));
  expect(files.length).toBeGreaterThan(5);
  const leaking = files.filter((file) => {
    const text = readFileSync(path.join(".next/static", file), "utf8");
    return canaries.some((canary) => text.includes(canary!));
  });
  expect(leaking).toEqual([]);
});
