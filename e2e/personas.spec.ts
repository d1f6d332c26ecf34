import { expect, test, type Locator, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

async function addTraitCondition(scope: Locator, page: Page, field: string, value: string) {
  await scope.getByRole("button", { name: "Add condition" }).last().click();
  await page.getByRole("menuitem", { name: "Profile or trait" }).click();
  const condition = scope.getByRole("group", { name: /^Condition: in\b/ }).last();
  await condition.getByRole("combobox", { name: "Field" }).fill(field);
  // An option's name is the field and its type hint ("traits.cares_about string · trait").
  await page.getByRole("option", { name: new RegExp(`^${field.replaceAll(".", "\\.")}(\\s|$)`) }).click();
  await scope.getByLabel(`Value for ${field}`).last().fill(value);
}

async function bothSchemes(page: Page, name: string) {
  await shot(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

// "As of 2026-12-07 01:30 UTC": when the stored figures were computed.
const AS_OF = /^As of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/;

const saved = (page: Page) =>
  expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });

test("a product manager writes a persona, binds a segment built inline, reads its checked assumptions, validates it and adds a sub-persona", async ({
  page,
  browser,
}) => {
  // Four pages, a background computation twice and three themed screenshots: minutes on a loaded machine.
  test.setTimeout(240_000);
  await signInAs(page, "pm");
  await page.goto("/personas/new");
  await page.getByLabel("Name").fill("Eco-conscious Emma");
  await page.getByLabel("One-line summary").fill("Chooses sustainable products and reads the label");
  await page.getByRole("button", { name: "Create and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit “Eco-conscious Emma”" })).toBeVisible();

  // The story, saved as she types.
  await page.getByLabel("Narrative").fill("Emma checks materials before she buys and wants fewer, better messages.");
  await page.getByRole("button", { name: "Add goal" }).click();
  await page.getByLabel("Goals 1", { exact: true }).fill("Buy less, buy better");
  await page
    .getByRole("group", { name: "Preferred channels" })
    .getByRole("checkbox", { name: "E-mail", exact: true })
    .check();
  await page.getByLabel("Tone of voice").selectOption("empathetic");
  await saved(page);

  // Two assumptions: one the data must confirm, one it must contradict.
  await page.getByRole("button", { name: "Add assumption" }).click();
  await page.getByLabel("Assumption 1: percent").fill("1");
  await page.getByLabel("Assumption 1: value").fill("web");
  await page.getByRole("button", { name: "Add assumption" }).click();
  await page.getByLabel("Assumption 2: kind").selectOption("metric");
  await page.getByLabel("Assumption 2: threshold").fill("100000");
  await expect(page.getByText("Checks: Median lifetime value > 100,000")).toBeVisible();
  // Bad input is shown at the field and not saved.
  await page.getByLabel("Assumption 1: percent").fill("140");
  await expect(page.getByText("At most 100 %.")).toBeVisible();
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "invalid");
  await page.getByLabel("Assumption 1: percent").fill("1");
  await saved(page);

  // The audience, defined inline with the segment builder.
  await page.getByRole("button", { name: "Define a new segment" }).click();
  await addTraitCondition(page.getByRole("main"), page, "traits.cares_about", "sustainability");
  await expect(page.getByRole("status", { name: "In plain words" })).toContainText("sustainability");
  await expect(page.getByLabel("Counting")).toHaveCount(0);
  await shot(page, "persona-editor");
  await page.getByRole("button", { name: "Save and bind" }).click();
  await expect(page.getByText(/Bound to Eco-conscious Emma audience/)).toBeVisible();
  await saved(page);

  // Her figures are computed in the background the first time the page asks: the page answers at
  // once, says so, and fills in by itself. Later asks are held back until the screenshot is taken.
  let asks = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/personas/*/insights", async (route) => {
    if (asks++ > 0) await held;
    await route.continue().catch(() => {});
  });
  const firstAnswer = page.waitForResponse((r) => r.url().endsWith("/insights"));
  await page.getByRole("link", { name: "View persona" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eco-conscious Emma" })).toBeVisible();
  expect((await (await firstAnswer).json()).insights).toMatchObject({
    asOf: null,
    stats: null,
    computing: { estimateMs: null },
  });
  const assumptions = page.getByRole("region", { name: "Assumptions vs data" });
  await expect(assumptions.getByText("Computing for the first time…")).toBeVisible();
  await expect(
    assumptions.getByRole("status").filter({ hasText: "Checking assumptions: Computing for the first time" }),
  ).toBeAttached();
  // The one live figure does not wait for the computation.
  await expect(page.getByRole("status", { name: "Audience size", exact: true })).toHaveText(
    /^\d[\d,]*\s*profiles right now$/,
  );
  await bothSchemes(page, "persona-page-computing");
  release();
  await page.unroute("**/api/personas/*/insights");
  // A computation, not a render: on a loaded machine it takes seconds.
  await expect(assumptions.getByText(AS_OF)).toBeVisible({ timeout: 30_000 });
  await expect(assumptions.getByText(/Computing/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Who they really are" }).getByText(AS_OF)).toBeVisible();
  await expect(page.getByText("Stale · never validated")).toBeVisible();
  const confirmed = page.getByRole("listitem", { name: "≥ 1 % are on the web: Confirmed" });
  await expect(confirmed).toContainText(/\d+(\.\d)? % are on the web \(\d[\d,]* of \d[\d,]*\)/);
  const contradicted = page.getByRole("listitem", { name: "Median lifetime value > 100,000: Contradicted" });
  await expect(contradicted).toContainText(/Median lifetime value is [\d,.]+/);
  const size = Number(
    (await page.getByRole("status", { name: "Audience size", exact: true }).innerText()).replace(/\D/g, ""),
  );
  expect(size).toBeGreaterThan(0);
  // Distributions with their table twins.
  const platform = page.getByRole("region", { name: "Platform" });
  await platform.getByRole("tab", { name: "Table" }).click();
  await expect(platform.getByRole("cell", { name: "Web" })).toBeVisible();
  await bothSchemes(page, "persona-page");

  // Recording a validation removes the stale badge.
  await page.getByRole("button", { name: "Record validation" }).click();
  const dialog = page.getByRole("dialog", { name: "Record validation" });
  await dialog.getByLabel("Sample size").fill("240");
  await expect(dialog.getByText(/240 is fewer, so treat the result as indicative/)).toBeVisible();
  await dialog.getByLabel("Sample size").fill("1200");
  await dialog.getByLabel("Notes").fill("Autumn customer survey");
  await shot(page, "persona-record-validation");
  await dialog.getByRole("button", { name: "Record validation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Stale · never validated")).toHaveCount(0);
  await expect(page.getByTitle(/^Validated /)).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^Survey on / })).toContainText("1,200 people");

  // A sub-persona narrows the audience and shows its share of the parent.
  const parentUrl = page.url();
  await page.getByRole("link", { name: "New sub-persona" }).click();
  await page.getByLabel("Sub-persona name").fill("Emma on iPhone");
  await addTraitCondition(page.getByRole("main"), page, "platform", "ios");
  await expect(page.getByRole("status", { name: "In plain words" })).toContainText("Eco-conscious Emma audience");
  await page.getByRole("button", { name: "Create sub-persona" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Emma on iPhone" })).toBeVisible();
  await expect(page.getByText("Sub-persona of")).toBeVisible();
  // The new sub-persona changes what the parent's figures are computed from: the parent's page
  // shows its stored figures as of their time while the share is computed, then the share.
  await page.goto(parentUrl);
  const child = page.getByRole("listitem", { name: "Emma on iPhone" });
  await expect(child).toContainText(/\d[\d,]* profiles · \d+(\.\d)? % of Eco-conscious Emma/, { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Sub-personas" }).getByText(AS_OF)).toBeVisible();
  await bothSchemes(page, "persona-sub-personas");

  // A marketer reads the persona but has no edit controls, and the editor is refused.
  const marketer = await browser.newPage();
  await signInAs(marketer, "marketer");
  await marketer.goto(parentUrl);
  await expect(marketer.getByRole("heading", { level: 1, name: "Eco-conscious Emma" })).toBeVisible();
  // The panels fill in once the page's script runs: seconds on a loaded machine.
  await expect(marketer.getByRole("listitem", { name: "≥ 1 % are on the web: Confirmed" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(marketer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(marketer.getByRole("button", { name: "Record validation" })).toHaveCount(0);
  await expect(marketer.getByRole("link", { name: "New sub-persona" })).toHaveCount(0);
  await shot(marketer, "persona-page-marketer");
  const editor = await marketer.goto(`${parentUrl}/edit`);
  expect(editor?.status()).toBe(403);
  await marketer.close();
});
