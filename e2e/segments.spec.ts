import { expect, test, type Locator, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

// The example, built by hand: in Germany, added to cart ≥ 2 times in the last 7 days, and a
// nested group saying they have not purchased in the last 30 days.
const SUMMARY =
  "Profiles in Germany who added to cart at least twice in the last 7 days and have not purchased in the last 30 days";

const condition = (page: Page, name: RegExp | string) => page.getByRole("group", { name });
/** The segment page's saved size as it reads under the title: "1,234 profiles when last counted (…)". */
const lastCounted = (page: Page) => page.getByText(/profiles when last counted/);

async function addCondition(scope: Locator, page: Page, kind: string) {
  await scope.getByRole("button", { name: "Add condition" }).last().click();
  await page.getByRole("menuitem", { name: kind }).click();
}

async function pick(combobox: Locator, page: Page, text: string) {
  await combobox.fill(text);
  await page.getByRole("option", { name: text, exact: true }).click();
}

test("a marketer builds a segment with a nested group and a drag, sees live counts, and saves it", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.goto("/segments/new");
  await page.getByLabel("Name").fill("German cart abandoners");
  const builder = page.getByRole("main");

  // The event condition first, the country second: a drag puts them in the summary's order.
  await addCondition(builder, page, "Event");
  const event = condition(page, /Condition: who purchased/);
  await pick(event.getByRole("combobox", { name: "Event" }), page, "add_to_cart");
  const carts = condition(page, /Condition: who added to cart/);
  await carts.getByLabel("Times add_to_cart").fill("2");
  await carts.getByLabel("Window length for add_to_cart").fill("7");

  await addCondition(builder, page, "Profile or trait");
  const country = condition(page, /^Condition: in\b/);
  await expect(country.getByRole("combobox", { name: "Field" })).toHaveValue("country");
  await country.getByLabel("Value for country").fill("DE");

  // Nested group with the inactivity condition.
  await builder.getByRole("button", { name: "Add group" }).last().click();
  const group = page.getByRole("group", { name: /^Group:/ });
  await addCondition(group, page, "Event");
  const inner = group.getByRole("group", { name: /Condition: who purchased/ });
  await inner.getByLabel("How often purchase").selectOption("not_performed");

  // Drag the country condition above the cart condition, once the live counts have settled (a count
  // arriving mid-drag moves the rows under the pointer). The target is measured after the drag has
  // started, as the sortable list makes room; a drag the list did not take is tried again.
  await expect(page.getByLabel("Counting")).toHaveCount(0);
  const countryHandle = page.getByRole("button", { name: /^Move Condition: in Germany/ });
  const cartsHandle = page.getByRole("button", { name: /^Move Condition: who added to cart/ });
  await expect(async () => {
    const from = (await countryHandle.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    const to = (await cartsHandle.boundingBox())!;
    await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 15 });
    await page.mouse.up();
    await expect(page.getByRole("status", { name: "In plain words" })).toHaveText(SUMMARY, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  // Every node shows its live count, and the total settles.
  await expect(page.getByRole("status", { name: "Audience of this node" }).first()).toContainText("match");
  await expect(page.getByLabel("Counting")).toHaveCount(0);
  const total = Number((await page.getByRole("status", { name: "Audience total" }).innerText()).replace(/\D/g, ""));
  for (const node of await page.getByRole("status", { name: "Audience of this node" }).all())
    await expect(node).toContainText(/\d+ match/);
  // The small e2e population has Germans: the country condition alone must match some of them.
  await expect(condition(page, /^Condition: in Germany/).getByRole("status")).toContainText(/[1-9][\d,]* match/);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await shot(page, "segment-builder-1280");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, "segment-builder-1920");

  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "German cart abandoners" })).toBeVisible();
  const saved = Number((await lastCounted(page).innerText()).replace(/ profiles.*$/, "").replace(/\D/g, ""));
  expect(saved).toBe(total);

  // The saved size equals what the API counts for the saved definition.
  const segmentId = page.url().split("/").pop()!;
  const { segment } = await (await page.request.get(`/api/segments/${segmentId}`)).json();
  const counts = await (
    await page.request.post("/api/segments/preview", { data: { definition: segment.definition } })
  ).json();
  expect(counts.total).toBe(saved);
  await expect(page.getByRole("status", { name: "In plain words" })).toHaveText(SUMMARY);
  await shot(page, "segment-page");
});

const germans = (name: string) => ({
  name,
  definition: {
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [
        { kind: "trait", id: "de", field: "country", comparison: { type: "string", op: "equals", value: "DE" } },
        { kind: "reachable", id: "mail", channel: "email" },
      ],
    },
  },
});

test("a product manager reads a segment without editing it and checks why people are in or out", async ({
  browser,
  page,
}) => {
  const marketer = await browser.newPage();
  await signInAs(marketer, "marketer");
  const created = await (await marketer.request.post("/api/segments", { data: germans("Reachable Germans") })).json();
  const member = (
    await (
      await marketer.request.post("/api/segments/sample", { data: { definition: germans("").definition, limit: 1 } })
    ).json()
  ).profiles[0];
  const french = {
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [
        { kind: "trait", id: "fr", field: "country", comparison: { type: "string", op: "equals", value: "FR" } },
      ],
    },
  };
  const outsider = (
    await (await marketer.request.post("/api/segments/sample", { data: { definition: french, limit: 1 } })).json()
  ).profiles[0];
  await marketer.close();

  await signInAs(page, "pm");
  await page.goto(`/segments/${created.segment.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Reachable Germans" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add condition" })).toHaveCount(0);
  await expect(page.getByLabel("Value for country")).toBeDisabled();
  await expect(page.getByRole("status", { name: "In plain words" })).toHaveText(
    "Profiles in Germany and reachable by e-mail",
  );

  const check = page.getByLabel("Profile id, user id or e-mail");
  await check.fill(member.email);
  await page.getByRole("button", { name: "Check" }).click();
  const why = page.getByRole("list", { name: "Why" });
  await expect(page.getByText("is in this segment")).toBeVisible();
  await expect(why).toContainText("in Germany — value: DE");
  await expect(why).toContainText("consent: yes, address: yes");

  await check.fill(outsider.externalId);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText("is not in this segment")).toBeVisible();
  await expect(why).toContainText("in Germany — value: FR");
  await shot(page, "segment-check-profile");

  // The server refuses a PM's edit whatever the UI shows.
  const refused = await page.request.patch(`/api/segments/${created.segment.id}`, { data: { name: "Renamed by PM" } });
  expect(refused.status()).toBe(403);
});

test("a marketer reorders conditions with the keyboard and uploads a static segment", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.goto("/segments/new");
  await addCondition(page.getByRole("main"), page, "Reachable on a channel");
  await addCondition(page.getByRole("main"), page, "Event");
  const handle = page.getByRole("button", { name: /^Move Condition: who purchased/ });
  await handle.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.getByRole("status", { name: "In plain words" })).toHaveText(
    "Profiles who purchased in the last 30 days and reachable by e-mail",
  );
  await expect(handle).toBeFocused();

  await page.goto("/segments");
  const sample = (
    await (
      await page.request.post("/api/segments/sample", { data: { definition: germans("").definition, limit: 2 } })
    ).json()
  ).profiles;
  await page.getByRole("button", { name: "Upload static segment" }).click();
  await page.getByLabel("Name").fill("Event VIPs");
  await page.getByLabel("CSV file").setInputFiles({
    name: "vips.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`email\n${sample[0].email}\n${sample[1].email}\nnobody@nowhere.example\n`),
  });
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByText("2 of 3 rows matched a profile")).toBeVisible();
  await expect(page.getByText("row 4: nobody@nowhere.example — no profile has this e-mail")).toBeVisible();
  await shot(page, "static-segment-report");
  await page.getByRole("link", { name: "Open segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Event VIPs" })).toBeVisible();
  await expect(lastCounted(page)).toHaveText(/^2 profiles when last counted/);
});
