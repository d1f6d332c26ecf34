import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

// A name of its own per run, so a re-run on the same database finds its own row.
const name = `Autumn sale: at once vs. 3 h later (${Date.now().toString(36)})`;

test("a marketer designs an experiment with two variants and a holdout, sizes it with the calculator and launches it", async ({
  page,
}) => {
  // Six pages and four server round trips (calculator, create, save, launch) in one story.
  test.slow();
  await signInAs(page, "marketer");
  await page.goto("/experiments");
  await page.getByRole("link", { name: "New experiment" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New experiment" })).toBeVisible();
  // Hydrated once the client-only calculator form answers.
  await expect(page.getByRole("button", { name: "Calculate" })).toBeEnabled();

  await page.getByLabel("Name", { exact: true }).fill(name);
  // Channels by their names, not their keys.
  await expect(page.getByLabel("Channel").locator("option")).toContainText(["E-mail", "Web push", "SMS"]);
  await expect(page.getByLabel("Channel")).not.toContainText("web_push");
  await page.getByLabel("Hypothesis").fill("A later send lands in the evening and converts better.");
  await page.getByLabel("Variant A sends").selectOption({ label: "Autumn sale · v1" });
  await page.getByLabel("Variant B name").fill("3 hours later");
  await page.getByLabel("Variant B sends").selectOption({ label: "Control's version, another send time or frequency" });
  await expect(page.getByLabel("Send delay (hours)")).toHaveValue("3");
  await expect(page.getByLabel("Holdout share")).toHaveValue("10");

  // A zero holdout is allowed, with a warning; back to 10 %.
  await page.getByLabel("Holdout share").fill("0");
  await expect(page.getByText(/No holdout: you will compare variants/)).toBeVisible();
  await page.getByLabel("Holdout share").fill("10");
  await expect(page.getByText(/No holdout: you will compare variants/)).toHaveCount(0);

  await page.getByLabel("Minimum detectable effect (relative, %)").fill("20");
  await page.getByRole("button", { name: "Calculate" }).click();
  const result = page.getByRole("region", { name: "Calculator result" });
  // The first calculation in a fresh dev server compiles the route; a built server answers in about a second.
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByText("Audience", { exact: true })).toBeVisible();
  await expect(result.getByText(/profiles$/).first()).toBeVisible();
  await expect(result.getByText("Power at 20 % MDE")).toBeVisible();
  await expect(result.getByText(/Baseline/)).toBeVisible();
  await expect(result.getByText(/^Days at/)).toBeVisible();
  await shot(page, "experiments-new-calculator");
  const use = result.getByRole("button", { name: /as the planned sample/ });
  const planned = (await use.textContent())!.match(/Use ([\d,]+) per arm/)![1]!.replace(/,/g, "");
  await use.click();
  await expect(page.getByLabel("Planned sample (per arm)")).toHaveValue(planned);

  await page.getByRole("button", { name: "Create draft experiment" }).click();
  await expect(page).toHaveURL(/\/experiments\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Variant B sends")).toHaveValue("__same__");
  await shot(page, "experiments-draft");

  // Launching asks first: who policy lets through, per arm, against the planned sample.
  await page.getByRole("button", { name: "Save and launch…" }).click();
  const launch = page.getByRole("dialog", { name: "Launch this experiment?" });
  await expect(launch.getByLabel("Launch estimate")).toContainText("Eligible after policy (estimate)");
  await expect(launch.getByRole("table", { name: "Expected exposures per arm" })).toContainText(
    "Holdout (gets nothing)",
  );
  await launch.getByRole("button", { name: /^Launch( anyway)?$/ }).click();
  await expect(page.getByText("Running", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Decision", exact: true }).getByText(/^keep running/)).toBeVisible();
  await shot(page, "experiments-launched");

  await page.goto("/experiments");
  const row = page.getByRole("row", { name: new RegExp(name.replace(/[().]/g, "\\$&")) });
  await expect(row.getByText("Running")).toBeVisible();
  await expect(row.getByText("2 variants + 10 % holdout")).toBeVisible();
});

test("an analyst reads the demo experiment's decision, sees the SRM alarm on the broken one, exports CSV and concludes", async ({
  page,
}) => {
  await signInAs(page, "analyst");
  await page.goto("/experiments");
  await expect(page.getByRole("link", { name: "New experiment" })).toHaveCount(0);
  await shot(page, "experiments-list");

  await page.getByRole("link", { name: "Push send time: at once vs. 3 hours later" }).click();
  // A readout runs its aggregates on the server; the first one in a dev server also compiles the page.
  await expect(page.getByRole("heading", { level: 1, name: "Push send time: at once vs. 3 hours later" })).toBeVisible({
    timeout: 30_000,
  });
  const alarm = page.getByRole("alert", { name: "Sample ratio mismatch" });
  await expect(alarm).toBeVisible();
  await expect(alarm).toContainText("results unreliable, check assignment");
  await expect(
    page
      .getByRole("region", { name: "Decision", exact: true })
      .getByText("results unreliable: check assignment", { exact: true }),
  ).toBeVisible();
  // Above everything: the alarm comes before the decision and the numbers.
  const alarmBox = (await alarm.boundingBox())!;
  const decisionBox = (await page.getByRole("region", { name: "Decision" }).boundingBox())!;
  expect(alarmBox.y).toBeLessThan(decisionBox.y);
  await shot(page, "experiments-srm");
  await page.getByRole("button", { name: "Toggle theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await shot(page, "experiments-srm-dark");
  await page.getByRole("button", { name: "Toggle theme" }).click();

  await page.goto("/experiments");
  await page.getByRole("link", { name: "Subject line: offer first vs. story first" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Subject line: offer first vs. story first" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("alert", { name: "Sample ratio mismatch" })).toHaveCount(0);
  // The decision region's one sentence (the rule's outcome), read as a user reads it.
  const sentence = page
    .getByRole("region", { name: "Decision", exact: true })
    .getByText(/^(ship B|keep control|no detectable difference yet.*|keep running.*)$/);
  await expect(sentence).toBeVisible();
  const decision = (await sentence.textContent())!;
  await expect(page.getByRole("heading", { name: /Primary metric/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Lift over control: B/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Primary metric by arm" }).getByText("Holdout", { exact: true }),
  ).toBeVisible();
  await expect(page.getByText("NaN")).toHaveCount(0);
  await shot(page, "experiments-readout");

  // The table twin of the lift chart.
  await page.getByRole("tablist", { name: "Show lift as" }).getByRole("tab", { name: "Table" }).click();
  await expect(page.getByRole("cell", { name: /^B · Offer in the subject$/ })).toBeVisible();
  // Breakdowns load per tab, on demand (a skeleton while they compute), with the time they are as of.
  const breakdown = page.getByRole("tabpanel", { name: "By persona" });
  await expect(breakdown.getByRole("table", { name: "Breakdown by Persona" })).toBeVisible({ timeout: 30_000 });
  await expect(breakdown.getByText(/^As of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)).toBeVisible();
  await expect(breakdown.getByRole("status")).toHaveCount(0);
  await breakdown.scrollIntoViewIfNeeded();
  await shot(page, "experiments-breakdown-persona");
  await page.getByRole("tab", { name: "By segment" }).click();
  const bySegment = page.getByRole("tabpanel", { name: "By segment" });
  await expect(bySegment.getByRole("table", { name: "Breakdown by Segment" })).toBeVisible({ timeout: 30_000 });
  await expect(bySegment.getByText(/^As of /)).toBeVisible();
  await page.getByRole("button", { name: "Toggle theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await shot(page, "experiments-breakdown-segment-dark");
  await page.getByRole("button", { name: "Toggle theme" }).click();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await downloading).path(), "utf8")
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe(
    "section,metric,arm,name,exposed,total,rate,rate_ci_low,rate_ci_high,lift,lift_ci_low,lift_ci_high,p_value,adjusted_p_value,chance_to_win,note",
  );
  expect(csv.filter((l) => l.startsWith("primary,")).map((l) => l.split(",")[2])).toEqual(["A", "B", "holdout"]);
  expect(csv.at(-1)).toBe(`decision,,,,,,,,,,,,,,,${decision}`);

  const form = page.getByRole("form", { name: "Conclude experiment" });
  await form.getByLabel("Decision").selectOption("inconclusive");
  const confirmInconclusive = async () => {
    await form.getByRole("button", { name: "Conclude experiment…" }).click();
    await page
      .getByRole("dialog", { name: "Conclude as inconclusive?" })
      .getByRole("button", { name: "Conclude as inconclusive" })
      .click();
  };
  await confirmInconclusive();
  await expect(form.getByText(/Write a note: what you decided and why/)).toBeVisible();
  await form.getByLabel("Note").fill("Lift is within noise at this sample; re-run with the full list.");
  await confirmInconclusive();
  const conclusion = page.getByLabel("Conclusion");
  await expect(conclusion).toContainText("Inconclusive — by analyst@demo.tailor.dev");
  await expect(conclusion).toContainText("Lift is within noise");
  await expect(page.getByText("Concluded", { exact: true })).toBeVisible();
  await shot(page, "experiments-concluded");
});
