import { expect, test } from "@playwright/test";
import { shot, signIn, signInAs } from "./support";

test("an analyst opening the members page gets a 403 page", async ({ page }) => {
  await signInAs(page, "analyst");
  const response = await page.goto("/settings/members");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
  await shot(page, "members-403-analyst");
});

test("an admin adds a member, the new member signs in, and the audit log shows the change", async ({ page, browser }) => {
  const email = `new-${Date.now()}@demo.tailor.dev`;
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Nora New");
  await dialog.getByLabel("E-mail").fill("not-an-email");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog.getByText("Enter a valid e-mail address.")).toBeVisible();
  await dialog.getByLabel("E-mail").fill(email);
  await dialog.getByLabel("Role").click();
  await page.getByRole("option", { name: "Analyst" }).click();
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog.getByRole("heading", { name: "Member added" })).toBeVisible();
  const oneTimePassword = await dialog.getByLabel("One-time password", { exact: true }).inputValue();
  expect(oneTimePassword).toHaveLength(16);
  await shot(page, "members-one-time-password");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: email })).toContainText("Active");

  // The new member signs in with the one-time password and must choose their own.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await signIn(newcomer, email, oneTimePassword);
  await expect(newcomer.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await newcomer.getByLabel("Current password").fill(oneTimePassword);
  await newcomer.getByLabel("New password", { exact: true }).fill("my own password 42");
  await newcomer.getByLabel("Repeat new password").fill("my own password 42");
  await newcomer.getByRole("button", { name: "Save password" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Welcome, Nora" })).toBeVisible();
  await expect(newcomer.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Home", "Personas", "Profiles", "Segments", "Templates", "Campaigns", "Experiments", "Reports", "Outbox", "Audit log"]);
  await shot(newcomer, "new-member-home");
  await context.close();

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
