import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoEmail, shot, signIn, signInAs } from "./support";

/*
 * The guards of issue 18 as its users met them. Each test ingests its own handful of e-mailable
 * profiles (a trait only this run has) and targets a segment of exactly them, so nothing here
 * depends on the demo population's numbers, and no other spec's audience is capped by these sends.
 */

const run = Date.now().toString(36);

/** `count` profiles with e-mail consent in group `group`, and a segment of them; returns the segment's name. */
async function population(browser: Browser, group: string, count: number): Promise<string> {
  const admin = await browser.newPage();
  await signIn(admin, demoEmail("admin"));
  // A fresh server seeds the demo first (about 20 s on two cores); the first page waits for it.
  await expect(admin.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible({ timeout: 90_000 });
  const { key } = await (
    await admin.request.post("/api/api-keys", { data: { name: `e2e experiment guards ${group}` } })
  ).json();
  const batch = Array.from({ length: count }, (_, i) => ({
    type: "identify",
    userId: `${group}-${i}`,
    messageId: `${group}-identify-${i}`,
    traits: {
      email: `${group}-${i}@example.com`,
      first_name: `Guest ${i}`,
      consent: { email: true },
      e2e_group: group,
    },
  }));
  const sent = await admin.request.post("/v1/batch", { headers: { authorization: `Bearer ${key}` }, data: { batch } });
  expect(sent.status()).toBe(200);
  const name = `Guard test ${group}`;
  const segment = await admin.request.post("/api/segments", {
    data: {
      name,
      description: "",
      definition: {
        root: {
          kind: "group",
          id: "root",
          op: "and",
          children: [
            {
              kind: "trait",
              id: "g",
              field: "traits.e2e_group",
              comparison: { type: "string", op: "equals", value: group },
            },
          ],
        },
      },
    },
  });
  expect(segment.status()).toBe(201);
  await admin.close();
  return name;
}

/** The editor, filled in for an e-mail A/B test of the autumn sale against itself 3 hours later, saved as a draft. */
async function draftExperiment(page: Page, name: string, segment: string, plannedPerArm?: number) {
  await page.goto("/experiments/new");
  await expect(page.getByRole("button", { name: "Calculate" })).toBeEnabled();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Audience").selectOption("segment");
  await page.getByLabel("Segment", { exact: true }).selectOption({ label: segment });
  await page.getByLabel("Variant A sends").selectOption({ label: "Autumn sale · v1" });
  await page.getByLabel("Variant B sends").selectOption({ label: "Control's version, another send time or frequency" });
  if (plannedPerArm) await page.getByLabel("Planned sample (per arm)").fill(String(plannedPerArm));
  await page.getByRole("button", { name: "Create draft experiment" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
}

test("an A/B test on a segment everyone of which got a message today is refused at launch, with the reason", async ({
  browser,
  page,
}) => {
  test.slow();
  const group = `capped-${run}`;
  const segment = await population(browser, group, 6);
  await signInAs(page, "marketer");

  // What the users did: send any campaign to the segment (the default policy caps one message a day).
  await page.goto("/campaigns/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill(`Autumn sale to ${group}`);
  await page.getByLabel("Audience").selectOption({ label: segment });
  await page.getByLabel("Channel").selectOption({ label: "E-mail" });
  await page.getByLabel("Template").selectOption({ label: "Autumn sale" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Launch…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.getByLabel("Campaign status")).toHaveText("Sent", { timeout: 90_000 });

  const name = `Guard: nobody reachable (${run})`;
  await draftExperiment(page, name, segment, 500);
  const experimentUrl = page.url();
  await page.getByRole("button", { name: "Save and launch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch this experiment?" });
  const refused = dialog.getByRole("alert", { name: "Launch refused" });
  await expect(refused).toContainText("Nobody would be exposed: all 6 are at their frequency cap today.");
  await expect(dialog.getByLabel("Launch estimate")).toContainText("Frequency cap reached");
  await expect(dialog.getByRole("table", { name: "Expected exposures per arm" })).toContainText(
    "Holdout (gets nothing)",
  );
  await expect(dialog.getByRole("button", { name: "Launch", exact: true })).toBeDisabled();
  await shot(page, "experiments-launch-refused");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "experiments-launch-refused-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // The server refuses it too, whoever asks, and nothing changes.
  const id = experimentUrl.split("/").at(-1)!;
  const launch = await page.request.post(`/api/experiments/${id}/launch`);
  expect(launch.status()).toBe(409);
  expect((await launch.json()).error.message).toContain("all 6 are at their frequency cap today");
  await dialog.getByRole("button", { name: "Not yet" }).click();
  await page.reload();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
});

test("a launch below the planned sample warns and can be confirmed; shipping a variant the rule does not back needs a written override", async ({
  browser,
  page,
}) => {
  test.slow();
  const group = `below-${run}`;
  const segment = await population(browser, group, 8);
  await signInAs(page, "marketer");
  const name = `Guard: below plan (${run})`;
  await draftExperiment(page, name, segment, 200);
  const experimentUrl = page.url();

  await page.getByRole("button", { name: "Save and launch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch this experiment?" });
  await expect(
    dialog.getByText(
      /^Below the planned sample: this send exposes about \d+ profiles in the smallest arm, \d+ % of the planned 200\./,
    ),
  ).toBeVisible();
  await expect(dialog.getByLabel("Launch estimate")).toContainText("Eligible after policy (estimate)8");
  const arms = dialog.getByRole("table", { name: "Expected exposures per arm" });
  // 8 × 45 % ≈ 4 per variant, 8 × 10 % ≈ 1 held out, on the send day.
  await expect(arms.getByRole("row", { name: /^A · Control 45 % 4$/ })).toBeVisible();
  await expect(arms.getByRole("row", { name: /^Holdout \(gets nothing\) 10 % 1$/ })).toBeVisible();
  await expect(dialog.getByLabel("Sample plan")).toContainText("not reached: one send gives the smallest arm");
  await shot(page, "experiments-launch-below-plan");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "experiments-launch-below-plan-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await dialog.getByRole("button", { name: "Launch anyway" }).click();
  await expect(page.getByText("Running", { exact: true })).toBeVisible({ timeout: 30_000 });

  // The readout opens with its health, and links the campaign that sends it.
  const health = page.getByRole("region", { name: "Health" });
  await expect(health).toContainText("expected at launch");
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", /^\/campaigns\//);

  // An analyst ships B although the rule says keep running.
  await page.context().clearCookies();
  await signInAs(page, "analyst");
  await page.goto(experimentUrl);
  await expect(page.getByRole("region", { name: "Decision", exact: true }).getByText(/^keep running/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Guardrails" }).getByText("not enough data")).toBeVisible();
  const form = page.getByRole("form", { name: "Conclude experiment" });
  await form.getByLabel("Decision").selectOption("ship");
  await form.getByLabel("Variant to ship").selectOption("B");
  await expect(form.getByText(/Shipping B is below the decision rule's minimum data/)).toBeVisible();
  await form.getByLabel("Note").fill("B reads better on mobile.");
  await form.getByRole("button", { name: "Conclude experiment…" }).click();
  const confirm = page.getByRole("dialog", { name: "Ship B?" });
  await expect(confirm).toContainText("this conclusion overrides it");
  await confirm.getByRole("button", { name: "Ship B" }).click();
  // Refused without a reason: nothing written, the field says what is missing.
  await expect(form.getByText("Write why you override the decision rule.")).toBeVisible();
  await expect(page.getByText("Running", { exact: true })).toBeVisible();
  await shot(page, "experiments-override-refused");

  await form
    .getByLabel("Override reason")
    .fill("Legal approved only B's copy; no time to finish the test before the sale.");
  await form.getByRole("button", { name: "Conclude experiment…" }).click();
  await page.getByRole("dialog", { name: "Ship B?" }).getByRole("button", { name: "Ship B" }).click();
  const conclusion = page.getByLabel("Conclusion");
  await expect(conclusion).toContainText(
    "Shipped B — overridden: Legal approved only B's copy; no time to finish the test before the sale, by analyst@demo.tailor.dev",
  );
  await expect(conclusion).toContainText(
    "The decision rule said keep running: 0 % of the needed sample — this conclusion overrode it.",
  );
  await expect(page.getByText("Concluded", { exact: true })).toBeVisible();
  await conclusion.scrollIntoViewIfNeeded();
  await shot(page, "experiments-override-recorded");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "experiments-override-recorded-dark");
});
