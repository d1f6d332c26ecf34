import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { shot, shotOf, signInAs } from "./support";

/** A step's card in the builder's flow, by its name (label, else id). */
const card = (page: Page, name: string) =>
  page.getByRole("region", { name: "Journey flow" }).locator(`[data-step-id]`, { hasText: ` · ${name}` });
/** A step's card on the journey page. */
const step = (page: Page, label: string) =>
  page.getByRole("region", { name: "Journey flow" }).getByRole("group", { name: `Step ${label}` });
const panel = (page: Page) => page.getByRole("complementary", { name: "Step editor" });

async function addStep(page: Page, where: string, kind: string) {
  await page.getByRole("button", { name: `Add a step ${where}` }).click();
  await page.getByRole("menuitem", { name: kind }).click();
}

test("a marketer builds cart recovery in the builder, publishes it, and sees people in it and its message in the outbox", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const now = Date.now();
  // The trigger is an event no other spec sends, so no one else's events enter this journey.
  const trigger = `e2e_builder_cart_${now}`;
  await signInAs(page, "admin");
  const { key } = await (await page.request.post("/api/api-keys", { data: { name: `e2e builder ${now}` } })).json();
  await page.context().clearCookies();

  await signInAs(page, "marketer");
  await page.goto("/journeys");
  await page.getByRole("button", { name: "New journey" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New journey" });
  await dialog.getByLabel("Name").fill(`Cart recovery ${now}`);
  await dialog.getByRole("button", { name: "Create journey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cart recovery ${now}` })).toBeVisible();
  const journeyUrl = page.url();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit “Cart recovery ${now}”` })).toBeVisible();

  // A new journey starts as an entry and an exit; the entry is selected and says what it lacks.
  const editor = panel(page);
  await expect(editor.getByRole("region", { name: "Edit step entry" })).toBeVisible();
  await expect(editor).toContainText("Pick an event.");
  await editor.getByRole("combobox", { name: "Entry event" }).fill(trigger);

  await addStep(page, "after entry", "Send a message");
  await editor.getByLabel("Template").selectOption({ label: "Autumn sale" });
  await editor.getByLabel("Step name").fill("Reminder e-mail");
  await expect(card(page, "Reminder e-mail")).toContainText("Send e-mail “Autumn sale”");

  await addStep(page, "after Reminder e-mail", "Wait");
  await expect(card(page, "wait-1")).toContainText("Wait 1 hour");
  await editor.getByLabel("Step name").fill("An hour later");

  await addStep(page, "after An hour later", "Split");
  await editor.getByLabel("Step name").fill("Purchased?");
  await editor.getByRole("button", { name: "Add condition" }).click();
  await page.getByRole("menuitem", { name: "Event" }).click();
  await expect(editor.getByRole("combobox", { name: "Event" })).toHaveValue("purchase");
  // The split's "no" branch starts unconnected: publishing would be refused, and the step says so.
  await expect(card(page, "Purchased?")).toContainText("1 thing to fix");
  // Publishing anyway: the server checks the definition and its refusal names the step.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const early = page.getByRole("dialog", { name: "Publish version 1?" });
  await expect(early).toContainText("1 thing is still listed to fix");
  await early.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not published" })).toContainText("“no” exit");
  await expect(page.getByRole("list", { name: "To fix before publishing" }).first()).toContainText(
    "Purchased?: Connect the “no” exit",
  );
  await addStep(page, "on branch No of Purchased?", "Send a message");
  await editor.getByLabel("Template").selectOption({ label: "Cart reminder" });
  await editor.getByLabel("Step name").fill("Cart push");
  await addStep(page, "after Cart push", "Exit");
  await expect(page.getByRole("alert").filter({ hasText: "Not published" })).toHaveCount(0);

  // Dragging the wait onto the e-mail puts it before the e-mail; "Move up" in the e-mail's editor puts it back.
  const order = page.getByRole("region", { name: "Journey flow" }).locator("[data-step-id]");
  const from = (await page.locator('[data-drag-handle="wait-1"]').boundingBox())!;
  const to = (await card(page, "Reminder e-mail").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(order.nth(1)).toContainText("An hour later");
  await card(page, "Reminder e-mail").click();
  await editor.getByRole("button", { name: "Move up" }).click();
  await expect(order.nth(1)).toContainText("Reminder e-mail");
  await expect(order.nth(2)).toContainText("An hour later");

  // The keyboard walks the steps with the arrow keys and opens one with Enter.
  await card(page, "Reminder e-mail").focus();
  await page.keyboard.press("ArrowDown");
  await expect(card(page, "An hour later")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor.getByRole("region", { name: "Edit step An hour later" })).toBeVisible();

  await page.getByRole("button", { name: "Goal and exit criteria" }).click();
  await editor.getByRole("button", { name: "Add a goal" }).click();
  await expect(editor.getByRole("combobox", { name: "Goal event" })).toHaveValue("purchase");

  await expect(page.getByRole("heading", { name: "Ready to publish" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  const branches = page.getByRole("group", { name: "Branches after Purchased?" });
  await expect(branches.getByRole("region", { name: "Branch No" })).toContainText("Cart push");
  await shot(page, "journey-builder");
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "journey-builder-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Publish version 1?" });
  await expect(confirm).toContainText(`everyone whose “${trigger}” event is ingested enters, once per person`);
  await shotOf(confirm, "journey-builder-publish");
  await confirm.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Draft · published v1")).toBeVisible();
  await expect(page.getByText("The draft is the same as version 1.")).toBeVisible();

  // An edit after publishing is listed against version 1.
  await card(page, "Reminder e-mail").click();
  await editor.getByLabel("If the send is skipped").selectOption("exit");
  await expect(page.getByRole("list", { name: "Changes since version 1" })).toContainText(
    "Changed Send “Reminder e-mail”: when skipped",
  );
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  await page.getByRole("button", { name: "Dismiss notification" }).click();
  await shotOf(page.getByRole("complementary", { name: "Step editor" }), "journey-builder-changes");

  // A shopper arrives through the ingestion API and leaves a cart.
  const at = new Date().toISOString();
  const batch = [
    {
      type: "identify",
      userId: `builder-${now}`,
      traits: { email: `builder-${now}@example.com`, first_name: "Ada", consent: { email: true } },
      timestamp: at,
      messageId: `e2e-builder-${now}-id`,
    },
    { type: "track", userId: `builder-${now}`, event: trigger, timestamp: at, messageId: `e2e-builder-${now}-cart` },
  ];
  const sent = await page.request.post("/api/v1/batch", {
    headers: { authorization: `Bearer ${key}` },
    data: { batch },
  });
  expect(sent.ok(), await sent.text()).toBe(true);

  // The worker inside `npm start` folds the event, enters the shopper, sends the e-mail and starts the wait.
  await page.goto(journeyUrl);
  await expect(async () => {
    await page.reload();
    await expect(step(page, "An hour later")).toContainText("1 in it now", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(step(page, "Reminder e-mail")).toContainText("1 passed");
  await shot(page, "journey-builder-live");

  await page.goto("/outbox");
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `builder-${now}@example.com` })
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  });
});
