import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, shot, signIn, signInAs } from "./support";

const MENUS = {
  admin: [
    "Home",
    "Personas",
    "Profiles",
    "Segments",
    "Templates",
    "Campaigns",
    "Journeys",
    "Experiments",
    "Reports",
    "Outbox",
    "Audit log",
    "Members",
    "API keys",
    "Delivery",
    "Workspace",
    "Ingestion",
  ],
  marketer: [
    "Home",
    "Personas",
    "Profiles",
    "Segments",
    "Templates",
    "Campaigns",
    "Journeys",
    "Experiments",
    "Reports",
    "Outbox",
  ],
  pm: [
    "Home",
    "Personas",
    "Profiles",
    "Segments",
    "Templates",
    "Campaigns",
    "Journeys",
    "Experiments",
    "Reports",
    "Outbox",
  ],
  analyst: [
    "Home",
    "Personas",
    "Profiles",
    "Segments",
    "Templates",
    "Campaigns",
    "Journeys",
    "Experiments",
    "Reports",
    "Outbox",
    "Audit log",
  ],
} as const;

test("a signed-out visitor is sent to sign-in, which lists the demo users", async ({ page }) => {
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fmembers/);
  await expect(page.getByRole("heading", { name: "Demo workspace" })).toBeVisible();
  await expect(page.getByText(DEMO_PASSWORD)).toBeVisible();
  await shot(page, "sign-in");
});

for (const [role, menu] of Object.entries(MENUS)) {
  test(`the demo ${role} signs in and sees exactly their menu`, async ({ page }) => {
    await signInAs(page, role as keyof typeof MENUS);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText([...menu]);
    await expect(page.getByRole("button", { name: /account menu/ })).toContainText(
      { admin: "Admin", marketer: "Marketer", pm: "Product manager", analyst: "Analyst" }[role as keyof typeof MENUS],
    );
    await shot(page, `home-${role}`);
  });
}

test("a wrong password shows an error and stays on sign-in", async ({ page }) => {
  await signIn(page, demoEmail("pm"), "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await shot(page, "sign-in-wrong-password");
});

test("a member signs out from the user menu, and a copy of the old session cookie no longer works", async ({
  page,
  context,
}) => {
  await signInAs(page, "marketer");
  const kept = await context.cookies();
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  // Someone who copied the cookie before sign-out puts it back: the session has ended all the same.
  await context.addCookies(kept);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("after signing in, a callbackUrl that points off the site lands on the home page", async ({ page, baseURL }) => {
  await page.goto("/signin?callbackUrl=/%5C127.0.0.1:8765/phish.html");
  await page.getByLabel("E-mail").fill(demoEmail("analyst"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test.describe("before the page's script has loaded", () => {
  test.use({ javaScriptEnabled: false });

  test("submitting the sign-in form posts: the password never reaches the URL, and the form asks again", async ({
    page,
  }) => {
    await page.goto("/signin?callbackUrl=%2Fsegments");
    await page.getByLabel("E-mail").fill(demoEmail("pm"));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The page had not finished loading. Sign in again.")).toBeVisible();
    expect(page.url()).not.toContain(DEMO_PASSWORD);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/segments");
  });
});
