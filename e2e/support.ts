import { expect, type Cookie, type Locator, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";

export const DEMO_PASSWORD = "tailor-demo";
export const demoEmail = (role: Role) => `${role}@demo.tailor.dev`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// Each role signs in through the form once per worker; later tests start from its session cookie
// (the sign-in form and bcrypt cost seconds a test). A session revoked meanwhile (sign-in.spec signs
// out) sends the page to /signin, and the form is used again.
const sessions = new Map<Role, Cookie[]>();

export async function signInAs(page: Page, role: Role) {
  const welcome = page.getByRole("heading", { level: 1, name: /Welcome/ });
  const cached = sessions.get(role);
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/signin")) {
      await expect(welcome).toBeVisible({ timeout: 30_000 });
      return;
    }
    await page.context().clearCookies();
  }
  await signIn(page, demoEmail(role));
  // A loaded machine can take a while to render the first page after sign-in.
  await expect(welcome).toBeVisible({ timeout: 30_000 });
  sessions.set(
    role,
    (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token")),
  );
}

/**
 * Where a screenshot named `name` goes: test-results/screens/ (or the run's own output folder when
 * .ci/run runs two suites at once, TAILOR_E2E_OUTPUT_DIR).
 */
export const screenPath = (name: string) =>
  `${process.env.TAILOR_E2E_OUTPUT_DIR ?? "test-results"}/screens/${name}.png`;

// Screenshots are for people to look at; .ci/run (TAILOR_E2E_SCREENS=off) takes none but a failing
// test's own: nobody looks at them there, and each full page costs the browser's renderer.
const takeScreens = process.env.TAILOR_E2E_SCREENS !== "off";

/** The whole page as `name`.png. */
export const shot = async (page: Page, name: string) => {
  if (takeScreens) await page.screenshot({ path: screenPath(name), fullPage: true });
};

/** One element (or the viewport) as `name`.png. */
export const shotOf = async (target: Page | Locator, name: string) => {
  if (takeScreens) await target.screenshot({ path: screenPath(name) });
};

/**
 * Every page the admin sees, with one real object of each kind (a campaign's edit page is for drafts;
 * the demo's are sent: the new-campaign page draws the same editor).
 */
export async function everyPage(page: Page): Promise<string[]> {
  const get = async <T>(path: string) => (await (await page.request.get(path)).json()) as T;
  const [{ personas }, { profiles }, { segments }, { templates }, { campaigns }, { experiments }] = await Promise.all([
    get<{ personas: { id: string }[] }>("/api/personas"),
    get<{ profiles: { id: string }[] }>("/api/profiles"),
    get<{ segments: { id: string }[] }>("/api/segments"),
    get<{ templates: { id: string; name: string }[] }>("/api/templates"),
    get<{ campaigns: { id: string; name: string }[] }>("/api/campaigns"),
    get<{ experiments: { id: string; name: string }[] }>("/api/experiments"),
  ]);
  const sent = campaigns.find((c) => /Spring sale/.test(c.name)) ?? campaigns[0]!;
  const readout = experiments.find((e) => /Subject line/.test(e.name)) ?? experiments[0]!;
  // The list is newest change first, and the demo journeys' templates are newer than the demo's own.
  const template = templates.find((t) => t.name === "Cart reminder") ?? templates[0]!;
  const persona = personas[0]!.id;
  const journey = await someJourney(page);
  return [
    "/",
    "/personas",
    "/personas/new",
    `/personas/${persona}`,
    `/personas/${persona}/edit`,
    `/personas/${persona}/sub-personas/new`,
    `/personas/compare?ids=${personas
      .slice(0, 2)
      .map((p) => p.id)
      .join(",")}`,
    "/profiles",
    `/profiles/${profiles[0]!.id}`,
    "/profiles/import",
    "/profiles/traits",
    "/segments",
    "/segments/new",
    `/segments/${segments[0]!.id}`,
    `/segments/${segments[0]!.id}/edit`,
    "/templates",
    "/templates/new",
    `/templates/${template.id}`,
    `/templates/${template.id}/history`,
    "/campaigns",
    "/campaigns/new",
    `/campaigns/${sent.id}`,
    "/journeys",
    `/journeys/${journey}`,
    `/journeys/${journey}/edit`,
    "/experiments",
    "/experiments/new",
    `/experiments/${readout.id}`,
    "/reports",
    "/reports/retention",
    "/reports/funnels",
    `/reports/campaigns/${sent.id}`,
    "/outbox",
    "/audit",
    "/settings/members",
    "/settings/api-keys",
    "/settings/delivery/providers",
    "/settings/delivery/policy",
    "/settings/workspace",
    "/account/password",
    "/settings/ingestion",
  ];
}

/** A journey with a published flow: the workspace's own (the demo has three), else one published here. */
async function someJourney(page: Page): Promise<string> {
  const { journeys } = (await (await page.request.get("/api/journeys")).json()) as {
    journeys: { id: string; version: number | null }[];
  };
  const published = journeys.find((j) => j.version !== null);
  if (published) return published.id;
  const created = await page.request.post("/api/journeys", { data: { name: "Cart recovery (layout check)" } });
  const { journey } = (await created.json()) as { journey: { id: string } };
  await publishCartRecovery(page, journey.id);
  return journey.id;
}

/**
 * Publishes a small cart-recovery journey to `journeyId` through the API, as the page's signed-in
 * member: a push reminder, an hour's wait, a split on whether it was opened, a second push for
 * those who did not. Its trigger is an event nothing else sends, so no other spec's events enter it.
 */
export async function publishCartRecovery(page: Page, journeyId: string) {
  const { templates } = (await (await page.request.get("/api/templates?channel=push&q=New%20arrivals")).json()) as {
    templates: { id: string; lastPublished: unknown }[];
  };
  const push = templates.find((t) => t.lastPublished)!.id;
  const send = (id: string, next: string) => ({ id, kind: "send", templateId: push, exits: { next } });
  const definition = {
    nodes: [
      {
        id: "entry",
        kind: "entry",
        trigger: { type: "event", event: "e2e_cart_left", where: [] },
        reentry: { type: "once" },
        exits: { next: "reminder" },
      },
      { ...send("reminder", "wait-1h"), label: "Reminder push" },
      { id: "wait-1h", kind: "wait", wait: { type: "duration", minutes: 60 }, exits: { next: "opened" } },
      {
        id: "opened",
        kind: "split",
        label: "Opened the reminder",
        split: { type: "condition", condition: { type: "engagement", action: "opened", sendNodeId: "reminder" } },
        exits: { yes: "done", no: "nudge" },
      },
      { ...send("nudge", "done"), label: "Second nudge" },
      { id: "done", kind: "exit" },
    ],
    goal: { event: "purchase", where: [], windowDays: 3 },
  };
  expect((await page.request.put(`/api/journeys/${journeyId}/draft`, { data: definition })).status()).toBe(200);
  const published = await page.request.post(`/api/journeys/${journeyId}/publish`, { data: {} });
  expect(published.status(), await published.text()).toBe(200);
}
