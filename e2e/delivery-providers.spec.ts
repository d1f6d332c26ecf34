import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { shot, shotOf, signInAs } from "./support";

const SECRET = "whsec_e2e-signing-secret-0123456789";

/** A local webhook receiver: the real other end of the provider, checking the signature itself. */
async function startSink() {
  const received: { headers: IncomingHttpHeaders; body: string; signed: boolean }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const signed =
        req.headers["x-tailor-signature"] === `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
      received.push({ headers: req.headers, body, signed });
      res.writeHead(signed ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tailor`,
    received,
    close: () => new Promise((r) => server.close(r)),
  };
}

const card = (page: Page, channel: string) => page.getByRole("region", { name: channel, exact: true });

test("an admin configures the webhook provider: the secret shows as set, never its value, and a test send reaches the endpoint signed", async ({
  page,
}) => {
  const sink = await startSink();
  try {
    await signInAs(page, "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Delivery" }).click();
    await expect(page).toHaveURL(/\/settings\/delivery\/providers$/);
    await expect(
      page.getByRole("navigation", { name: "Delivery settings" }).getByRole("link", { name: "Providers" }),
    ).toHaveAttribute("aria-current", "page");
    const webhook = card(page, "Webhook");
    // The demo default: the sandbox.
    await expect(webhook.getByLabel("Provider")).toHaveValue("sandbox");

    await webhook.getByLabel("Provider").selectOption({ label: "Signed webhook" });
    await webhook.getByLabel("Endpoint URL").fill(sink.url);
    // Off by default: a template author cannot choose where messages go.
    await expect(webhook.getByLabel("Let webhook templates choose where to post")).not.toBeChecked();
    await expect(webhook.getByLabel("Allowed internal hosts")).toHaveValue("");
    // A short secret is refused, naming the field.
    await webhook.getByLabel("Signing secret").fill("short");
    await webhook.getByRole("button", { name: "Save webhook provider" }).click();
    await expect(webhook.getByText("Use a signing secret of at least 16 characters.")).toBeVisible();
    await webhook.getByLabel("Signing secret").fill(SECRET);
    await webhook.getByRole("button", { name: "Save webhook provider" }).click();
    await expect(webhook.getByLabel("Signing secret: set")).toBeVisible();
    await expect(webhook.getByRole("button", { name: "Replace signing secret" })).toBeVisible();
    await expect(webhook.getByText("Signed webhook", { exact: true }).first()).toBeVisible();

    // The secret is nowhere in the page or in what the browser fetched.
    await page.reload();
    await expect(webhook.getByLabel("Signing secret: set")).toBeVisible();
    expect(await page.content()).not.toContain(SECRET);
    const listed = await page.request.get("/api/delivery/providers");
    expect(await listed.text()).not.toContain(SECRET);

    await webhook.getByLabel("Send a test to").fill("cust-000001");
    await webhook.getByRole("button", { name: "Send test" }).click();
    await expect(webhook.getByText("Accepted by the provider")).toBeVisible();
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.signed).toBe(true);
    expect(sink.received[0]!.headers["idempotency-key"]).toMatch(/^test_/);
    await webhook.scrollIntoViewIfNeeded();
    await shot(page, "delivery-providers-webhook");

    // Back to the sandbox, so other specs find the demo default.
    await webhook.getByLabel("Provider").selectOption({ label: "Sandbox outbox" });
    await webhook.getByRole("button", { name: "Save webhook provider" }).click();
    await expect(webhook.getByText("Sandbox outbox", { exact: true }).first()).toBeVisible();
  } finally {
    await sink.close();
  }
});

test("the in-app script on a customer's page shows a message, traps focus, closes on Escape and records a click", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin");
  // A publishable client key, made the way an admin makes one.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  // Unique: a dev database keeps the keys of earlier runs.
  const keyName = `Shop inbox ${Date.now().toString(36)}`;
  await dialog.getByLabel("Name").fill(keyName);
  await dialog.getByLabel(/Client key \(publishable\)/).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^tlp_/);
  await expect(dialog.getByText("data-user-id")).toBeVisible();
  await expect(dialog.getByText("data-user-hash")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: keyName })).toContainText("Client (publishable)");

  // The identity secret the customer's server signs user ids with: hidden until revealed.
  const secretField = page.getByLabel("Identity secret");
  await expect(secretField).not.toHaveValue(/^tis_/);
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await expect(secretField).toHaveValue(/^tis_[\w-]{43}$/);
  const secret = await secretField.inputValue();
  await expect(page.getByRole("heading", { name: "In-app identity verification" })).toBeVisible();
  await shot(page, "inapp-identity-secret");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "inapp-identity-secret-dark");
  await page.emulateMedia({ colorScheme: "light" });
  const userHash = createHmac("sha256", secret).update("cust-000001").digest("hex");

  // The in-app channel through the inbox; a test send puts a message in cust-000001's inbox.
  await page.goto("/settings/delivery/providers");
  const inApp = card(page, "In-app");
  await inApp.getByLabel("Provider").selectOption({ label: "In-app inbox" });
  const saveInApp = inApp.getByRole("button", { name: "Save in-app provider" });
  // Disabled when nothing changed (a dev database where an earlier run left the inbox on).
  if (await saveInApp.isEnabled()) await saveInApp.click();
  await expect(inApp.getByText(/^Saved \d/)).toBeVisible();
  await expect(inApp.getByText("In-app inbox", { exact: true }).first()).toBeVisible();
  const sendTest = async () => {
    await inApp.getByLabel("Send a test to").fill("cust-000001");
    await inApp.getByRole("button", { name: "Send test" }).click();
    await expect(inApp.getByText("Accepted by the provider")).toBeVisible();
  };
  await sendTest();

  // A visitor's browser: no Tailor session, only the page with the script.
  const site = await browser.newPage();
  // Without the hash from the customer's server the page cannot read the inbox.
  const unverified = await site.request.get("/api/v1/inapp?userId=cust-000001", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(unverified.status()).toBe(400);
  expect((await unverified.json()).error.field).toBe("userHash");
  await site.goto(`/inapp-demo.html?key=${encodeURIComponent(key)}&user=cust-000001&hash=${userHash}`);
  const modal = site.getByRole("dialog", { name: "Tailor test message" });
  await expect(modal).toBeVisible();
  await expect(modal.getByRole("button", { name: "Got it" })).toBeFocused();
  // Tab cycles inside the dialog (Got it → Close → Got it), never onto the page behind it.
  await site.keyboard.press("Tab");
  await expect(modal.getByRole("button", { name: "Close" })).toBeFocused();
  await site.keyboard.press("Tab");
  await expect(modal.getByRole("button", { name: "Got it" })).toBeFocused();
  await shotOf(site, "inapp-demo-modal");
  const dismissed = site.waitForResponse(
    (r) => r.url().includes("/api/v1/inapp/events") && r.request().postDataJSON().type === "dismiss",
  );
  await site.keyboard.press("Escape");
  await expect(modal).toBeHidden();
  expect((await dismissed).status()).toBe(200);
  await site.reload();
  await expect(site.getByText(/Signed in as cust-000001/)).toBeVisible();
  await expect(site.getByRole("dialog")).toHaveCount(0);

  // A second message, clicked this time.
  await sendTest();
  await site.reload();
  await expect(modal).toBeVisible();
  const clicked = site.waitForResponse(
    (r) => r.url().includes("/api/v1/inapp/events") && r.request().postDataJSON().type === "click",
  );
  await modal.getByRole("button", { name: "Got it" }).click();
  expect((await clicked).status()).toBe(200);
  await expect(modal).toBeHidden();
  const inbox = await site.request.get(`/api/v1/inapp?userId=cust-000001&userHash=${userHash}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const messages = (await inbox.json()).messages as { title: string; seen: boolean; clicked: boolean }[];
  expect(messages[0]).toMatchObject({ title: "Tailor test message", seen: true, clicked: true });
  // A clicked modal does not come back on the next page view.
  await site.reload();
  await expect(site.getByText(/Signed in as cust-000001/)).toBeVisible();
  await expect(site.getByRole("dialog")).toHaveCount(0);
  await site.close();

  await inApp.getByLabel("Provider").selectOption({ label: "Sandbox outbox" });
  await saveInApp.click();
  await expect(inApp.getByText("Sandbox outbox", { exact: true }).first()).toBeVisible();
  await expect(saveInApp).toBeDisabled();
});

test("a sandbox test send lands in the outbox, where filters find it and the viewer draws it like the template preview", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/settings/delivery/providers");
  const push = card(page, "Mobile push");
  await push.getByLabel("Send a test to").fill("cust-000001");
  await push.getByRole("button", { name: "Send test" }).click();
  await expect(push.getByText("Accepted by the provider")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  const filters = page.getByRole("search", { name: "Filter the outbox" });
  await filters.getByLabel("Kind").selectOption({ label: "Test sends" });
  await filters.getByLabel("Channel").selectOption({ label: "Mobile push" });
  await filters.getByLabel("Profile").fill("cust-000001");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=test/);
  await expect(page).toHaveURL(/channel=push/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Provider settings test");
  await expect(rows.nth(1)).toContainText("Mobile push");
  await rows
    .nth(1)
    .getByRole("button", { name: /Show the message/ })
    .click();
  const preview = page.getByRole("group", { name: "How the recipient sees it" });
  await expect(preview.getByText("Tailor test message").first()).toBeVisible();
  await shot(page, "outbox-filtered-push");

  // A filter that matches nothing says so, and offers the way back.
  await filters.getByLabel("Channel").selectOption({ label: "Webhook" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No messages match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/outbox$/);
});
