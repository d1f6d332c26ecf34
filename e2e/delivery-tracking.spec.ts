import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { trackLinks } from "../lib/delivery/tracking/track-links";
import { openPixelUrl, unsubscribeUrl } from "../lib/delivery/tracking/token";
import { demoEmail, shot, signIn } from "./support";

// The first sign-in after the server starts can wait on the embedded database while the demo
// population loads in the background: allow it longer than the default 10 s.
async function signInPatiently(page: Page, role: "admin" | "marketer") {
  await signIn(page, demoEmail(role));
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
}

/*
 * Tracking as the people messages go to meet it: a tracked link lands on its target and counts
 * the click; the preference page behind the unsubscribe link changes consent for real. The
 * Message is a fixture written straight into the server's database (DATABASE_URL; scripts/e2e.ts
 * shares it with us) as the worker leaves a delivered e-mail, its links rewritten by trackLinks.
 * Tokens are signed with the server's app key (NEXTAUTH_SECRET, shared the same way).
 */

type Fixture = {
  workspaceId: string;
  profileId: string;
  messageId: string;
  clickUrl: string;
  unsubscribe: string;
  pixel: string;
  target: string;
};

const id = (prefix: string) => `${prefix}${randomBytes(10).toString("hex")}`.slice(0, 25);

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function deliveredEmail(baseURL: string): Promise<Fixture> {
  return withDb(async (db) => {
    const { rows } = await db.query(`
      SELECT p."workspaceId", p."id" FROM "Profile" p JOIN "Workspace" w ON w."id" = p."workspaceId"
      WHERE p."email" IS NOT NULL AND p."consent"->>'email' = 'true' ORDER BY w."createdAt", p."id" LIMIT 1`);
    const { workspaceId, id: profileId } = rows[0] as { workspaceId: string; id: string };
    const campaignId = id("e2ecampaign");
    const messageId = id("e2emessage");
    const target = `${baseURL}/signin?from=tracked-link`;
    const ref = { workspaceId, messageId };
    const unsubscribe = unsubscribeUrl(ref, baseURL);
    const { rendered, stored } = trackLinks(
      {
        subject: "Your weekly deals",
        html: `<html><body><p>Hello!</p><a href="${target}">See the deals</a> <a href="${unsubscribe}">Unsubscribe</a></body></html>`,
        text: `See the deals: ${target}`,
      },
      "email",
      ref,
      baseURL,
    );
    await db.query(
      `INSERT INTO "Campaign" ("workspaceId", "id", "name", "status", "channel", "audience", "schedule", "ownerEmail", "updatedAt")
       VALUES ($1, $2, 'E2E tracking fixture', 'sent', 'email', '{"kind":"all"}', '{"kind":"now"}', 'e2e@demo.tailor.dev', now())`,
      [workspaceId, campaignId],
    );
    await db.query(
      `INSERT INTO "Message" ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "status", "sendAfter", "sentAt", "deliveredAt", "rendered")
       VALUES ($1, $2, $3, $4, '1', 'email', 'delivered', now(), now(), now(), $5)`,
      [workspaceId, messageId, campaignId, profileId, JSON.stringify(stored)],
    );
    const clickUrl = /href="([^"]+\/r\/[^"]+)"/.exec(rendered.html as string)![1]!;
    return { workspaceId, profileId, messageId, clickUrl, unsubscribe, pixel: openPixelUrl(ref, baseURL), target };
  });
}

const eventCount = (f: Fixture, suffix: string) =>
  withDb(async (db) =>
    Number(
      (
        await db.query(`SELECT count(*) FROM "Event" WHERE "workspaceId" = $1 AND "messageId" = $2`, [
          f.workspaceId,
          `${f.messageId}:${suffix}`,
        ])
      ).rows[0].count,
    ),
  );

async function hydrated(page: Page) {
  await page.waitForFunction(() => document.readyState === "complete");
  await page.waitForLoadState("networkidle");
}

test("a tracked link lands on its target and the click is counted once", async ({ page, baseURL }) => {
  const f = await deliveredEmail(baseURL!);
  expect(f.clickUrl).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
  await page.goto(f.clickUrl);
  await expect(page).toHaveURL(f.target);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await shot(page, "tracking-click-landed");
  expect(await eventCount(f, "clicked")).toBe(1);

  // A second click still lands, and is not a second click of the message.
  await page.goto(f.clickUrl);
  await expect(page).toHaveURL(f.target);
  expect(await eventCount(f, "clicked")).toBe(1);

  // A tampered token leads nowhere.
  const tampered = f.clickUrl.slice(0, -4) + (f.clickUrl.endsWith("AAAA") ? "BBBB" : "AAAA");
  const response = await page.goto(tampered);
  expect(response!.status()).toBe(404);
  await expect(page.getByText("This link is not valid.")).toBeVisible();

  // The person's timeline shows the click.
  await signInPatiently(page, "admin");
  await page.goto(`/profiles/${f.profileId}`);
  await expect(page.getByText("message_clicked").first()).toBeVisible();
  await shot(page, "tracking-click-on-profile");
});

test("the preference page turns e-mail off and the profile shows e-mail consent off", async ({ page, baseURL }) => {
  const f = await deliveredEmail(baseURL!);
  await page.goto(f.unsubscribe);
  await expect(page.getByRole("heading", { name: "Message preferences" })).toBeVisible();
  await hydrated(page);
  const email = page.getByRole("checkbox", { name: "E-mail" });
  await expect(email).toBeChecked();
  await shot(page, "tracking-preferences-before");

  await email.uncheck();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. Your choices apply from now on.");
  await expect(email).not.toBeChecked();
  await shot(page, "tracking-preferences-saved");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "tracking-preferences-saved-dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await eventCount(f, "unsubscribed")).toBe(1);

  // Reloading shows the stored answer, not the form's state.
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "E-mail" })).not.toBeChecked();

  await signInPatiently(page, "admin");
  await page.goto(`/profiles/${f.profileId}`);
  const consent = page.locator("li", { hasText: /^E-mail/ });
  await expect(consent.getByText("opted out")).toBeVisible();
  await shot(page, "tracking-profile-consent-off");
});

test("a mail client's one-click unsubscribe (RFC 8058) and the open pixel work over plain HTTP, signed out", async ({
  request,
  baseURL,
}) => {
  const f = await deliveredEmail(baseURL!);
  const pixel = await request.get(f.pixel);
  expect(pixel.status()).toBe(200);
  expect(pixel.headers()["content-type"]).toBe("image/gif");
  expect(pixel.headers()["cache-control"]).toContain("no-store");
  expect(await eventCount(f, "opened")).toBe(1);
  // An unsubscribe token is no pixel token.
  expect((await request.get(f.unsubscribe.replace("/u/", "/o/"))).status()).toBe(404);

  const oneClick = await request.post(f.unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toBe("You are unsubscribed.");
  const consent = await withDb(
    async (db) =>
      (
        await db.query(`SELECT "consent" FROM "Profile" WHERE "workspaceId" = $1 AND "id" = $2`, [
          f.workspaceId,
          f.profileId,
        ])
      ).rows[0].consent,
  );
  expect(consent.email).toBe(false);
  expect(await eventCount(f, "unsubscribed")).toBe(1);
});
