import { expect, test, type Page } from "@playwright/test";
import { shot, shotOf, signInAs } from "./support";

// Full-page captures leave the sandboxed (out-of-process) e-mail frame blank; an element shot shows it.
const emailShot = (page: Page, name: string) => shotOf(page.getByRole("figure", { name: "E-mail preview" }), name);

/** A new template of the channel (with the given content, or the channel's starter), opened in the editor. */
async function openNew(page: Page, channel: string, content?: object) {
  const created = await page.request.post("/api/templates", {
    data: {
      name: `E2E ${channel} ${Date.now()}`,
      channel,
      ...(content ? { content: { channel, locales: { default: content } } } : {}),
    },
  });
  expect(created.status()).toBe(201);
  const { template } = await created.json();
  await page.goto(`/templates/${template.id}`);
  // The first server-rendered preview: the page is hydrated and typing reaches React.
  await expect(page.getByRole("status", { name: "Preview recipient" })).toContainText("locale");
  return template.id as string;
}

test("a Russian SMS goes out as UCS-2 in two parts, with the Cyrillic characters marked", async ({ page }) => {
  await signInAs(page, "marketer");
  await openNew(page, "sms");
  // 83 characters, none of them GSM-7 letters: UCS-2, over 70, so parts of 67: 67 + 16, 51 left.
  const text = "Здравствуйте! Ваш заказ отправлен и прибудет в четверг. Спасибо, что выбираете нас.";
  await page.getByLabel("Message", { exact: true }).fill(text);
  const length = page.getByRole("region", { name: "SMS length" });
  await expect(length).toContainText("UCS-2 · 83 characters");
  await expect(length).toContainText("2 parts · 67 per part · 51 left");
  const preview = page.getByRole("figure", { name: "SMS preview" });
  await expect(preview.locator("mark").first()).toHaveText(/[А-Яа-яЁё]/);
  await expect(preview.getByText("Спасибо", { exact: false })).toBeVisible();
  await shot(page, "template-sms-ucs2");
});

test("a push title past the iOS length is cut on the lock screen with a marker", async ({ page }) => {
  await signInAs(page, "marketer");
  await openNew(page, "push");
  const title = "Last chance: your favourite waxed jacket is back in stock in every size, today only"; // 83 characters
  await page.getByLabel("Title", { exact: true }).fill(title);
  // iOS shows 50 characters of title (PUSH_SPEC), Android 65.
  const ios = page.getByRole("figure", { name: "iOS lock screen preview" });
  await expect(ios).toContainText("…cut here: 33 characters hidden");
  await expect(ios).toContainText(`${title.slice(0, 50)}…`);
  await expect(page.getByRole("figure", { name: "Android notification preview" })).toContainText(
    "…cut here: 18 characters hidden",
  );
  await expect(page.getByText("iOS shows 50 — 33 hidden")).toBeVisible();
  await shot(page, "template-push");
});

test("hostile e-mail HTML runs nothing: the preview is a sandboxed iframe with its own CSP", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(page, "marketer");
  await openNew(page, "email");
  await page.getByRole("button", { name: "Switch to MJML" }).click();
  await page
    .getByLabel("MJML", { exact: true })
    .fill(
      `<mjml><mj-body><mj-section><mj-column><mj-text>Hello<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">Claim your prize</a></mj-text><mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
    );
  const iframe = page.locator('iframe[title="E-mail body"]');
  const mail = page.frameLocator('iframe[title="E-mail body"]');
  await expect(mail.getByText("Claim your prize")).toBeVisible();
  await expect(iframe).toHaveAttribute("sandbox", "");
  await expect(iframe).toHaveAttribute(
    "srcdoc",
    /^(<!doctype html>)?<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; font-src https: data:">/,
  );
  await mail.getByText("Claim your prize").click();
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  const sandbox = await iframe.getAttribute("sandbox");
  expect(sandbox).not.toContain("allow-scripts");
  expect(sandbox).not.toContain("allow-same-origin");
  await shot(page, "template-email-hostile");
  await emailShot(page, "template-email-hostile-preview");
});

test("every channel's preview renders (screenshots)", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "marketer");
  await openNew(page, "web_push", {
    title: "Price drop on your wishlist",
    body: "The wool overshirt you saved is now 89 € (was 120 €).",
    url: "https://shop.example.com/wishlist",
    actions: [
      { label: "View wishlist", url: "https://shop.example.com/wishlist" },
      { label: "Not now", url: "https://shop.example.com/" },
    ],
  });
  await expect(page.getByRole("figure", { name: "Web push preview, Chrome on macOS" })).toContainText(
    "Price drop on your wishlist",
  );
  await shot(page, "template-web-push-macos");
  await page.getByRole("tab", { name: "Windows" }).click();
  await expect(page.getByRole("figure", { name: "Web push preview, Chrome on Windows" })).toContainText(
    "View wishlist",
  );
  await shot(page, "template-web-push-windows");

  await openNew(page, "in_app", {
    layout: "modal",
    title: "Free shipping this weekend",
    body: "Every order ships free until Sunday.",
    buttons: [{ label: "Shop now", url: "acme://home" }],
  });
  await expect(page.getByRole("figure", { name: "In-app modal preview" })).toContainText("Free shipping this weekend");
  await shot(page, "template-in-app-modal");
  for (const layout of ["banner", "card"]) {
    await page.getByLabel("Layout").selectOption(layout);
    await expect(page.getByRole("figure", { name: `In-app ${layout} preview` })).toContainText("Shop now");
    await shot(page, `template-in-app-${layout}`);
  }

  await openNew(page, "messenger", {
    text: "Your order is on its way.",
    buttons: [{ label: "Track parcel", url: "https://tlr.sh/t/8Kd2" }],
  });
  await expect(
    page.getByRole("figure", { name: "Messenger preview" }).getByRole("group", { name: "Inline keyboard" }),
  ).toContainText("Track parcel");
  await shot(page, "template-messenger");

  await openNew(page, "webhook");
  const webhook = page.getByRole("figure", { name: "Webhook request preview" });
  await page.getByLabel("JSON payload").fill('{\n  "type": "order.shipped",\n  "email": "x"\n  "tier": "gold"\n}');
  await expect(webhook).toContainText("Not valid JSON at line 4, column 3");
  await shot(page, "template-webhook-invalid");

  // A locale: added by its tag, shown in the completeness matrix as inheriting.
  await openNew(page, "sms");
  await page.getByLabel("New locale tag").fill("de_at");
  await page.getByRole("button", { name: "Add locale" }).click();
  await expect(page.getByText("Write it as de-AT.")).toBeVisible();
  await page.getByLabel("New locale tag").fill("de-AT");
  await page.getByRole("button", { name: "Add locale" }).click();
  await expect(
    page.getByRole("table", { name: "Locale completeness" }).getByRole("row", { name: /de-AT/ }),
  ).toContainText("From default");
  await shot(page, "template-locales");
});

test("a template too heavy to preview is stopped with the reason, and the editor stays usable", async ({ page }) => {
  await signInAs(page, "marketer");
  // Every render of this body runs into Liquid's 1 s limit; with three locales the preview needs ~4 s.
  const heavy = "{% for a in (1..10000) %}{% for b in (1..10000) %}{% endfor %}{% endfor %} STOP to end";
  const created = await page.request.post("/api/templates", {
    data: {
      name: `E2E heavy ${Date.now()}`,
      channel: "sms",
      content: { channel: "sms", locales: { default: { body: heavy }, de: { body: heavy }, fr: { body: heavy } } },
    },
  });
  expect(created.status()).toBe(201);
  const { template } = await created.json();
  await page.goto(`/templates/${template.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "took longer than 3 s to render" })).toBeVisible({
    timeout: 20_000,
  });
  // Its checks did not run either, and the panel does not pretend they passed.
  await expect(page.getByText("Not checked: the checks run with the preview, which did not render.")).toBeVisible();
  await expect(page.getByText("No findings.")).toHaveCount(0);
  // The rest of the app kept serving while it rendered.
  await expect(page.getByLabel("Message", { exact: true })).toBeEditable();
  await shot(page, "template-preview-too-slow");
});
