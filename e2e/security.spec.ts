import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("pages carry a nonce CSP without unsafe-eval, refuse framing and pin HTTPS", async ({ request }) => {
  const response = await request.get("/signin");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["x-powered-by"]).toBeUndefined();
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});

test("the dashboard API refuses a mutation from another site or in a form body, writes nothing, and is never cached", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const name = `Cross-site ${Date.now()}`;
  const foreign = await page.request.post("/api/api-keys", {
    data: { name },
    headers: { origin: "http://evil.localhost:9" },
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("cross_site");
  const form = await page.request.post("/api/api-keys", { form: { name } });
  expect(form.status()).toBe(415);
  expect((await form.json()).error).toMatchObject({ code: "unsupported_media_type", field: "content-type" });
  const listed = await page.request.get("/api/api-keys");
  expect(listed.headers()["cache-control"]).toBe("no-store");
  expect(((await listed.json()).apiKeys as { name: string }[]).map((key) => key.name)).not.toContain(name);
  // Ingestion keeps taking its SDKs' requests from anywhere: it is authenticated by key, not cookie.
  const ingest = await page.request.post("/api/v1/batch", {
    data: { batch: [] },
    headers: { origin: "http://evil.localhost:9" },
  });
  expect(ingest.status()).not.toBe(403);
});

test("the session cookie is httpOnly, secure and same-site", async ({ page, context }) => {
  await signInAs(page, "pm");
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({
    name: "__Secure-next-auth.session-token",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
  });
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
