import { expect, test } from "@playwright/test";
import { shot, signIn, signInAs } from "./support";

test("an analyst opening the members page gets a 403 page", async ({ page }) => {
  await signInAs(page, "analyst");
  const response = await page.goto("/settings/members");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
  await shot(page, "members-403-analyst");
});

test("an admin invites a member by link, the newcomer joins with their own password, and the audit log shows the change", async ({
  page,
  browser,
}) => {
  const email = `new-${Date.now()}@demo.tailor.dev`;
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Nora New");
  await dialog.getByLabel("E-mail").fill("not-an-email");
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByText("Enter a valid e-mail address.")).toBeVisible();
  await dialog.getByLabel("E-mail").fill(email);
  await dialog.getByLabel("Role").click();
  await page.getByRole("option", { name: "Analyst" }).click();
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByRole("heading", { name: "Invitation ready" })).toBeVisible();
  const link = await dialog.getByLabel("Invitation link", { exact: true }).inputValue();
  expect(link).toMatch(/^http:\/\/[^/]+\/invite\/[A-Za-z0-9_-]{43}$/);
  await shot(page, "members-invitation-link");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: email })).toContainText("Invited");

  // The newcomer opens the link, names themselves, chooses a password and lands in the workspace.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1, name: "Join Acme Outfitters (demo)" })).toBeVisible();
  await expect(newcomer.getByText(`You are invited as Analyst, with the e-mail ${email}`)).toBeVisible();
  await expect(newcomer.getByLabel("Your name")).toHaveValue("Nora New");
  await newcomer.getByLabel("Choose a password").fill("short");
  await newcomer.getByLabel("Repeat the password").fill("short");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer.getByText("Use at least 10 characters.")).toBeVisible();
  await shot(newcomer, "invitation-join");
  await newcomer.getByLabel("Choose a password").fill("my own password 42");
  await newcomer.getByLabel("Repeat the password").fill("my own password 42");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Welcome, Nora" })).toBeVisible();
  await expect(newcomer.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
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
  ]);
  await shot(newcomer, "new-member-home");
  // The link worked once.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1, name: "This invitation link no longer works" })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByRole("row", { name: email })).toContainText("Active");
  // The admin changes the newcomer's role and sees both changes in the audit log.
  await page.getByRole("combobox", { name: `Role of ${email}` }).click();
  await page.getByRole("option", { name: "Marketer" }).click();
  await expect(page.getByRole("combobox", { name: `Role of ${email}` })).toHaveText("Marketer");
  await expect(page.getByRole("region", { name: /Notifications/ }).getByText("Member updated")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Entity type").click();
  await page.getByRole("option", { name: "member" }).click();
  await expect(page).toHaveURL(/entityType=member/);
  const added = page.getByRole("row").filter({ hasText: "member.added" }).filter({ hasText: email });
  await expect(added).toBeVisible();
  const changed = page.getByRole("row").filter({ hasText: "member.role_changed" }).filter({ hasText: email });
  await expect(changed).toContainText("analyst → marketer");
  await shot(page, "audit-log-member-changes");
});

test("the home page shows workspace activity as a chart and as a table", async ({ page }) => {
  await signInAs(page, "analyst");
  await expect(page.getByRole("img", { name: /Workspace activity: \d+ changes/ })).toBeVisible();
  await page.getByRole("tab", { name: "Table" }).click();
  await expect(page.getByRole("columnheader", { name: "Changes" })).toBeVisible();
  await page.getByRole("button", { name: "Toggle theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await shot(page, "home-table-theme");
});

test("an account from another workspace gets the same invitation, joins from the workspace menu, and switches back", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin");
  // The demo admin also runs the sandbox workspace.
  await page.getByRole("button", { name: /Acme Outfitters \(demo\).*switch workspace/ }).click();
  await page.getByRole("menuitem", { name: /Acme Sandbox \(demo\)/ }).click();
  await expect(page.getByText("You are signed in to Acme Sandbox (demo).")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();

  // Inviting the demo analyst, who has an account in the other workspace: the same answer as for anyone.
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Ana Analyst");
  await dialog.getByLabel("E-mail").fill("analyst@demo.tailor.dev");
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByRole("heading", { name: "Invitation ready" })).toBeVisible();
  await expect(dialog.getByText("Send this link to analyst@demo.tailor.dev. It works once, for 7 days")).toBeVisible();
  const link = await dialog.getByLabel("Invitation link", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: "analyst@demo.tailor.dev" })).toContainText("Invited");

  // The analyst, signed in to their own workspace, sees the invitation in the workspace menu.
  const context = await browser.newContext();
  const analyst = await context.newPage();
  await signIn(analyst, "analyst@demo.tailor.dev");
  await expect(analyst.getByText("You are signed in to Acme Outfitters (demo).")).toBeVisible();
  await expect(
    analyst.getByRole("button", { name: /Acme Outfitters \(demo\).*switch workspace/ }).getByText("1 invitation"),
  ).toBeVisible();
  await analyst.getByRole("button", { name: /Acme Outfitters \(demo\).*switch workspace/ }).click();
  await expect(analyst.getByRole("menuitem", { name: /Join Acme Sandbox \(demo\)/ })).toBeVisible();
  await shot(analyst, "workspace-menu-invitation");
  await analyst.keyboard.press("Escape");
  await analyst.getByRole("button", { name: "Toggle theme" }).click();
  await expect(analyst.locator("html")).toHaveClass(/\bdark\b/);
  await analyst.getByRole("button", { name: /Acme Outfitters \(demo\).*switch workspace/ }).click();
  await shot(analyst, "workspace-menu-invitation-dark");

  // The link, opened while signed in as the invitee, offers to join without a password.
  await analyst.keyboard.press("Escape");
  await analyst.goto(link);
  await expect(analyst.getByRole("button", { name: "Join Acme Sandbox (demo)" })).toBeVisible();
  await shot(analyst, "invitation-signed-in-dark");
  await analyst.getByRole("button", { name: "Join Acme Sandbox (demo)" }).click();
  await expect(analyst.getByText("You are signed in to Acme Sandbox (demo).")).toBeVisible();
  await expect(analyst.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toHaveCount(0);

  // And back to the first workspace from the menu.
  await analyst.getByRole("button", { name: /Acme Sandbox \(demo\).*switch workspace/ }).click();
  await analyst.getByRole("menuitem", { name: /Acme Outfitters \(demo\)/ }).click();
  await expect(analyst.getByText("You are signed in to Acme Outfitters (demo).")).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByRole("row", { name: "analyst@demo.tailor.dev" })).toContainText("Active");
});
