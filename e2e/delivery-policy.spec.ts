import { expect, test, type Page } from "@playwright/test";
import { demoEmail, shot, signIn } from "./support";

// The first sign-in after the server starts can wait on the embedded database while the demo
// population loads in the background: allow it longer than the default 10 s.
async function signInPatiently(page: Page, role: "admin" | "marketer") {
  await signIn(page, demoEmail(role));
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
}

test("an admin edits the send policy: caps, quiet hours, default timezone and topics, with inline errors and a saved toast", async ({
  page,
}) => {
  await signInPatiently(page, "admin");
  // Put the policy back afterwards: quiet hours left on would hold up later specs' sends.
  const original = (await (await page.request.get("/api/delivery/policy")).json()).policy;
  await test.info().attach("policy before", { body: JSON.stringify(original), contentType: "application/json" });
  try {
    await page.goto("/settings/delivery/policy");
    await expect(page.getByRole("heading", { level: 1, name: "Send policy" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Delivery settings" }).getByRole("link", { name: "Policy" }),
    ).toHaveAttribute("aria-current", "page");
    await page.waitForLoadState("networkidle");
    await shot(page, "policy-page");

    // A new cross-channel cap row, then a bad value: the error sits under the field and nothing is saved.
    const caps = page.getByRole("listitem").filter({ has: page.getByLabel(/Cap \d: max messages/) });
    const before = await caps.count();
    await page.getByRole("button", { name: "Add cap" }).click();
    await expect(caps).toHaveCount(before + 1);
    const row = before + 1;
    await page.getByLabel(`Cap ${row}: channel`).selectOption("email");
    await page.getByLabel(`Cap ${row}: max messages`).fill("0");
    await page.getByLabel(`Cap ${row}: days`).fill("7");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Allow at least 1 message.")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need fixing" })).toBeVisible();
    await shot(page, "policy-inline-error");

    await page.getByLabel(`Cap ${row}: max messages`).fill("2");
    await page.getByLabel("Keep quiet hours").check();
    await page.getByLabel("From", { exact: true }).fill("22:00");
    await page.getByLabel("Until", { exact: true }).fill("07:30");
    await page.getByLabel("skipped", { exact: true }).check();
    await page.getByLabel("Default timezone").selectOption("Europe/Berlin");
    // A topic of its own per run: the key follows the label.
    const suffix = Date.now().toString(36);
    await page.getByRole("button", { name: "Add topic" }).click();
    const topics = page.getByLabel(/Topic \d+: label/);
    await topics.last().fill(`Weekly deals ${suffix}`);
    await expect(page.getByLabel(/Topic \d+: key/).last()).toHaveValue(`weekly-deals-${suffix}`);
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Policy saved", { exact: true })).toBeVisible();
    await shot(page, "policy-saved");
    await page.emulateMedia({ colorScheme: "dark" });
    await shot(page, "policy-saved-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // What was saved is what the page shows after a reload.
    await page.reload();
    await expect(page.getByLabel(`Cap ${row}: channel`)).toHaveValue("email");
    await expect(page.getByLabel(`Cap ${row}: max messages`)).toHaveValue("2");
    await expect(page.getByLabel("Keep quiet hours")).toBeChecked();
    await expect(page.getByLabel("Until", { exact: true })).toHaveValue("07:30");
    await expect(page.getByLabel("skipped", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Default timezone")).toHaveValue("Europe/Berlin");
    await expect(page.getByLabel(/Topic \d+: label/).last()).toHaveValue(`Weekly deals ${suffix}`);
    const topicCount = await topics.count();

    // Removing the row and the topic and saving leaves them as they were.
    await page.getByRole("button", { name: `Remove cap ${row}` }).click();
    await page.getByRole("button", { name: `Remove topic ${topicCount}` }).click();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Policy saved", { exact: true })).toBeVisible();
    await page.reload();
    await expect(caps).toHaveCount(before);
    await expect(topics).toHaveCount(topicCount - 1);
  } finally {
    expect((await page.request.put("/api/delivery/policy", { data: original })).status()).toBe(200);
  }
});

test("the policy page is for admins: a marketer gets the forbidden page, but may read the policy through the API", async ({
  page,
}) => {
  await signInPatiently(page, "marketer");
  await page.goto("/settings/delivery/policy");
  await expect(page.getByText("403 — not for your role")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Send policy" })).toHaveCount(0);
  await shot(page, "policy-marketer-forbidden");
  const read = await page.request.get("/api/delivery/policy");
  expect(read.status()).toBe(200);
  const write = await page.request.put("/api/delivery/policy", { data: (await read.json()).policy });
  expect(write.status()).toBe(403);
});
