import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

const everyoneWithEmail = {
  root: {
    kind: "group",
    id: "root",
    op: "and",
    children: [{ kind: "trait", id: "e", field: "email", comparison: { type: "string", op: "exists" } }],
  },
};

async function post(request: APIRequestContext, url: string, data: unknown) {
  const response = await request.post(url, { data });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return response.json();
}

/** A published push template of the demo, by name, with its published version. */
async function pushTemplate(request: APIRequestContext, name: string) {
  const { templates } = await (await request.get("/api/templates?channel=push")).json();
  const template = templates.find((t: { name: string }) => t.name === name);
  return { id: template.id as string, versionId: template.lastPublished.id as string };
}

async function bothSchemes(page: Page, name: string) {
  await shot(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

test("a segment in use cannot be deleted: the dialog names its persona, campaigns and experiment, and archiving takes it out of the campaign form", async ({
  browser,
  page,
}) => {
  // Many pages and six API calls: on a loaded machine this outlasts the default minute.
  test.setTimeout(180_000);
  // What the issue found: one segment, used by a persona, two campaigns and an experiment.
  const marketer = await browser.newPage();
  await signInAs(marketer, "marketer");
  const { segment } = await post(marketer.request, "/api/segments", {
    name: "Spring shoppers",
    definition: everyoneWithEmail,
  });
  const template = await pushTemplate(marketer.request, "New arrivals");
  for (const name of ["Spring push", "Spring reminder"]) {
    await post(marketer.request, "/api/campaigns", {
      name,
      channel: "push",
      audience: { kind: "segment", id: segment.id },
      templateId: template.id,
      schedule: { kind: "now" },
    });
  }
  await post(marketer.request, "/api/experiments", {
    name: "Spring wording",
    channel: "push",
    audience: { kind: "segment", id: segment.id },
    variants: [
      { name: "Plain", weight: 0.5, versionId: template.versionId },
      { name: "Same, later", weight: 0.5, versionId: template.versionId },
    ],
    primaryMetric: { kind: "ctr" },
  });
  await marketer.close();
  const pm = await browser.newPage();
  await signInAs(pm, "pm");
  await post(pm.request, "/api/personas", { name: "Spring Sam", segmentId: segment.id });
  await pm.close();

  await signInAs(page, "marketer");
  // Offered to campaigns while it is in use as normal.
  await page.goto("/campaigns/new");
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Audience").getByRole("option", { name: "Spring shoppers" })).toHaveCount(1);

  await page.goto(`/segments/${segment.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "“Spring shoppers” is in use" })).toBeVisible();
  await expect(dialog).toContainText("Archive it instead");
  const users = dialog.getByRole("group", { name: "What uses “Spring shoppers”" });
  await expect(users.getByRole("link", { name: "Spring Sam" })).toHaveAttribute("href", /^\/personas\//);
  await expect(users.getByRole("link", { name: "Spring push" })).toHaveAttribute("href", /^\/campaigns\//);
  await expect(users.getByRole("link", { name: "Spring reminder" })).toHaveAttribute("href", /^\/campaigns\//);
  await expect(users.getByRole("link", { name: "Spring wording" })).toHaveAttribute("href", /^\/experiments\//);
  await expect(dialog.getByRole("button", { name: "Delete segment" })).toHaveCount(0);
  await bothSchemes(page, "segment-delete-in-use");

  // The server refuses too, whatever a client shows, with the same list.
  const refused = await page.request.delete(`/api/segments/${segment.id}`);
  expect(refused.status()).toBe(409);
  const { error } = await refused.json();
  expect(error.dependents.map((d: { kind: string; name: string }) => `${d.kind}: ${d.name}`).sort()).toEqual([
    "campaign: Spring push",
    "campaign: Spring reminder",
    "experiment: Spring wording",
    "persona: Spring Sam",
  ]);

  await dialog.getByRole("button", { name: "Archive instead" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unarchive", exact: true })).toBeVisible();
  await bothSchemes(page, "segment-archived");

  await page.goto("/campaigns/new");
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Audience").getByRole("option", { name: "Spring shoppers" })).toHaveCount(0);
  // The persona bound to it is still offered: archiving the segment did not break it.
  await expect(page.getByLabel("Audience").getByRole("option", { name: "Spring Sam" })).toHaveCount(1);

  await page.goto("/segments");
  await expect(page.getByRole("link", { name: "Spring shoppers" })).toHaveCount(0);
  await page.getByLabel("Show archived").check();
  await expect(page).toHaveURL(/archived=show/);
  const row = page.getByRole("row", { name: /Spring shoppers/ });
  await expect(row.getByText("Archived")).toBeVisible();
  await bothSchemes(page, "segments-show-archived");
});

test("an unused template is deleted after a confirmation; one a campaign sends is archived instead and leaves the campaign form", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, "marketer");
  const unused = await post(page.request, "/api/templates", { name: "Never sent push", channel: "push" });
  await page.goto(`/templates/${unused.template.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "Delete “Never sent push”?" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Delete template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Never sent push" })).toHaveCount(0);

  // One a draft campaign sends: archiving is allowed, and the confirmation says what still uses it.
  const weekend = await post(page.request, "/api/templates", { name: "Weekend push", channel: "push" });
  expect((await page.request.post(`/api/templates/${weekend.template.id}/publish`)).status()).toBe(200);
  await post(page.request, "/api/campaigns", {
    name: "Weekend send",
    channel: "push",
    audience: { kind: "all" },
    templateId: weekend.template.id,
    schedule: { kind: "now" },
  });
  await page.goto(`/templates/${weekend.template.id}`);
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Archive “Weekend push”?" })).toBeVisible();
  await expect(
    dialog.getByRole("group", { name: "What still uses “Weekend push”" }).getByRole("link", { name: "Weekend send" }),
  ).toBeVisible();
  await bothSchemes(page, "template-archive-confirm");
  await dialog.getByRole("button", { name: "Archive template" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unarchive", exact: true })).toBeVisible();

  const offered = async () => {
    await page.goto("/campaigns/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Channel").selectOption({ label: "Mobile push" });
    return page.getByLabel("Template").getByRole("option", { name: "Weekend push" });
  };
  await expect(await offered()).toHaveCount(0);

  // Brought back, it is offered again.
  await page.goto(`/templates/${weekend.template.id}`);
  await page.getByRole("button", { name: "Unarchive", exact: true }).click();
  await expect(page.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
  await expect(await offered()).toHaveCount(1);
});
