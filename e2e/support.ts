import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tailor-demo";
export const demoEmail = (role: "admin" | "marketer" | "pm" | "analyst") => `${role}@demo.tailor.dev`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: "admin" | "marketer" | "pm" | "analyst") {
  await signIn(page, demoEmail(role));
  // A loaded machine can take a while to render the first page after sign-in.
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
